-- 708: Dates of DoLOs are before child’s date of birth.
-- DfE's coding: the start must be after the date of birth (the DoLo row's, else the Header's).
select 'DoLo' as table_name, o.row_key, o.CHILD as child
from dolo as o
left join header as h on h.CHILD = o.CHILD
where o.DOLO_START_d <= coalesce(o.DOB_d, h.DOB_d)
