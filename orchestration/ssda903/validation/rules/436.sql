-- 436: Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.
-- RNE B or U (placement and legal status both changed): the legal status differs from the child's previous
-- episode and something of the placement (type, postcode, URN, provider) differs too. Two blanks agree;
-- postcodes are compared upper-cased without spaces.
with e as (select * from episodes_with_previous)
select 'Episodes' as table_name, row_key, CHILD as child
from e
where RNE in ('B', 'U')
  and prev_row is not null
  and (LS is not distinct from prev_ls
       or (PLACE is not distinct from prev_place
           and upper(replace(PL_POST, ' ', '')) is not distinct from upper(replace(prev_post, ' ', ''))
           and URN is not distinct from prev_urn
           and PLACE_PROVIDER is not distinct from prev_provider))
