-- 517: If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female.
-- L3 is an unmarried couple of different genders.
select 'AD1' as table_name, row_key, CHILD as child
from ad1
where LS_ADOPTR = 'L3' and coalesce(SEX_ADOPTR, '') not in ('MF')
