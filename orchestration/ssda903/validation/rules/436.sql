-- 436: Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.
-- RNE B or U (placement and legal status both changed): the legal status differs from the child's previous
-- episode and something of the placement (type, postcode, URN, provider) differs too. Two blanks agree;
-- postcodes are compared upper-cased without spaces.
with e as (
    select *,
        lag(row_key) over w as prev_row,
        lag(LS) over w as prev_ls,
        lag(PLACE) over w as prev_place,
        lag(PL_POST) over w as prev_post,
        lag(URN) over w as prev_urn,
        lag(PLACE_PROVIDER) over w as prev_provider
    from episodes
    window w as (partition by CHILD order by d(DECOM), d(DEC), row_key)
)
select 'Episodes' as table_name, row_key, CHILD as child
from e
where RNE in ('B', 'U')
  and prev_row is not null
  and (LS is not distinct from prev_ls
       or (PLACE is not distinct from prev_place
           and upper(replace(PL_POST, ' ', '')) is not distinct from upper(replace(prev_post, ' ', ''))
           and URN is not distinct from prev_urn
           and PLACE_PROVIDER is not distinct from prev_provider))
