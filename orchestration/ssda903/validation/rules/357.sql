-- 357: If this is the first episode ever for this child, reason for new episode must be S. Check whether there is an episode immediately preceding this one, which has been left out. If not the reason for new episode code must be amended to S.
-- With this year's return alone, the child's first episode is its earliest; one that starts on or after
-- 1 April cannot continue an episode from last year (that episode would be open in this year's return too).
with first_episode as (
    select row_key, CHILD, RNE, DECOM_d as start_date,
        row_number() over (partition by CHILD order by DECOM_d, row_key) as n
    from episodes
    where DECOM_d is not null
)
select 'Episodes' as table_name, row_key, CHILD as child
from first_episode
where n = 1
  and start_date >= collection_start()
  and coalesce(RNE, '') <> 'S'
