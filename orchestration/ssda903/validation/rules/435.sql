-- 435: Reason for new episode is that child’s placement has changed but not the legal status, but this is not reflected in the episode data recorded.
-- RNE P or T (placement changed, legal status did not): the legal status is the child's previous episode's
-- and something of the placement (type, postcode, URN, provider) differs. Two blanks agree; postcodes are
-- compared upper-cased without spaces.
with e as (select * from episodes_with_previous)
select 'Episodes' as table_name, row_key, CHILD as child
from e
where RNE in ('P', 'T')
  and prev_row is not null
  and (LS is distinct from prev_ls
       or (PLACE is not distinct from prev_place
           and upper(replace(PL_POST, ' ', '')) is not distinct from upper(replace(prev_post, ' ', ''))
           and URN is not distinct from prev_urn
           and PLACE_PROVIDER is not distinct from prev_provider))
