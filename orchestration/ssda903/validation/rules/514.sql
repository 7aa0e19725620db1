-- 514: Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.
-- L0 is a single adopter, so the genders of adopters must be a single code (M1 or F1).
select 'AD1' as table_name, row_key, CHILD as child
from ad1
where LS_ADOPTR = 'L0' and coalesce(SEX_ADOPTR, '') not in ('M1', 'F1')
