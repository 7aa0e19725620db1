-- 519: Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.
-- L2 is a civil partnership: the genders must be a couple's code.
select 'AD1' as table_name, row_key, CHILD as child
from ad1
where LS_ADOPTR = 'L2' and coalesce(SEX_ADOPTR, '') not in ('MM', 'FF', 'MF')
