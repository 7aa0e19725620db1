-- 511: If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female.
-- Two adopters are a couple: a single-adopter code (M1, F1) or a blank does not fit.
select 'AD1' as table_name, row_key, CHILD as child
from ad1
where NB_ADOPTR = '2' and coalesce(SEX_ADOPTR, '') not in ('MM', 'FF', 'MF')
