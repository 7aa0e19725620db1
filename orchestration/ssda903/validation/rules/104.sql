-- 104: Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.
-- DUC may be blank; when given it must be a dd/mm/yyyy date, and not before the collection year starts (a
-- status that ceased in an earlier year is not reported again: see 205A).
select 'UASC' as table_name, row_key, CHILD as child
from uasc
where DUC is not null and (DUC_d is null or DUC_d < collection_start())
