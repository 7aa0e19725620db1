-- 333: Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).
-- DfE: if DATE_MATCH is given, DATE_INT must be given too and be on or before it.
select 'AD1' as table_name, row_key, CHILD as child
from ad1
where DATE_MATCH_d is not null
  and (DATE_INT_d is null or DATE_INT_d > DATE_MATCH_d)
