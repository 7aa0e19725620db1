-- 345: The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.
select 'OC3' as table_name, row_key, CHILD as child
from oc3
where IN_TOUCH = 'YES'
  and (ACTIV = '0' or ACCOM = '0')
