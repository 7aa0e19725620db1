-- 434: Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.
-- RNE L (legal status changed, placement did not): the legal status differs from the child's previous
-- episode and the placement (type, postcode, URN, provider) is the same. Two blanks agree; postcodes are
-- compared upper-cased without spaces.
with e as (select * from episodes_with_previous)
select 'Episodes' as table_name, row_key, CHILD as child
from e
where RNE = 'L'
  and prev_row is not null
  and (LS is not distinct from prev_ls
       or not (PLACE is not distinct from prev_place
           and upper(replace(PL_POST, ' ', '')) is not distinct from upper(replace(prev_post, ' ', ''))
           and URN is not distinct from prev_urn
           and PLACE_PROVIDER is not distinct from prev_provider))
