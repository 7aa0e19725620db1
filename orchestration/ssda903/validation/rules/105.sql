-- 105: Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or has not been completed.
-- Header's UASC must be 1 or 0. XML carries it; for CSV DfE derives it from the UASC table, as open_database
-- does whenever a UASC table is supplied. A column blank for every child was neither supplied nor
-- derivable, so only a blank among supplied flags (or a flag that is not 0/1) fails.
select 'Header' as table_name, row_key, CHILD as child
from header
where (UASC is not null and UASC not in ('0', '1'))
   or (UASC is null and exists (select 1 from header as h where h.UASC is not null))
