-- 524: If reporting legal status of adopters is L12 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females
-- L12 is a married couple of the same gender.
select 'AD1' as table_name, row_key, CHILD as child
from ad1
where LS_ADOPTR = 'L12' and coalesce(SEX_ADOPTR, '') not in ('MM', 'FF')
