-- 333: Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).
-- DfE: if DATE_MATCH is given, DATE_INT must be given too and be on or before it.
select 'AD1' as table_name, row_key, CHILD as child
from ad1
where d(DATE_MATCH) is not null
  and (d(DATE_INT) is null or d(DATE_INT) > d(DATE_MATCH))
