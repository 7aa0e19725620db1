-- 358: Child with this legal status should not be under 10.
-- J1, J2, J3 (remand, PACE, youth rehabilitation order) need the child to be 10 at the episode's start.
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
join episodes as e on e.CHILD = h.CHILD
where e.LS in ('J1', 'J2', 'J3')
  and age(h.DOB_d, e.DECOM_d) < 10
