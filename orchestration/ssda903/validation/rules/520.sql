-- 520: Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.
-- L11 is a married couple of different genders.
select 'AD1' as table_name, row_key, CHILD as child
from ad1
where LS_ADOPTR = 'L11' and coalesce(SEX_ADOPTR, '') not in ('MF')
