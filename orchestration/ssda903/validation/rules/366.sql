-- 366: A child cannot change placement during the course of an individual short-term respite break.
-- Every V3 episode is a separate break, so it starts a period of care: RNE S.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where LS = 'V3'
  and coalesce(RNE, '') <> 'S'
