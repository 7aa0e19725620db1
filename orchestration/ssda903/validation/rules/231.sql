-- 231: We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.
-- severity: query
-- A UASC child (Header UASC = 1) under 11 at the end of the collection year.
select 'Header' as table_name, row_key, CHILD as child
from header
where UASC = '1'
  and DOB_d > collection_end() - interval 11 year
