-- 217: Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.
-- For episodes starting from 1 April 2015: a placement for adoption with the current foster carers is the
-- same carers, so the episode starts care (S) or changes placement without changing carer (T, U).
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE in ('A3', 'A5')
  and DECOM_d >= DATE '2015-04-01'
  and coalesce(RNE, '') not in ('S', 'T', 'U')
