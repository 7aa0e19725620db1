-- 437: Reason episode ceased is child has died or is aged 18 or over but there are further episodes.
-- E2 (died) and E15 (age assessment found the child to be 18 or over) end care for good, so no episode
-- may follow. Episodes are ordered by start date; a later episode with an unreadable start still counts.
with ordered as (
    select
        row_key,
        CHILD,
        REC,
        DECOM_d as decom,
        lead(row_key) over (partition by CHILD order by DECOM_d asc nulls last, row_key) as next_row
    from episodes
)
select 'Episodes' as table_name, row_key, CHILD as child
from ordered
where REC in ('E2', 'E15') and decom is not null and next_row is not null
