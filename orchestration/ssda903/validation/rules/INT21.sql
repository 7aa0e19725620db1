-- INT21: Internal Check: SEX in UASC is different to SEX in Header.
-- Compared where both are given; the 1/2 coding used up to 2023/24 is read as M/F so that a UASC row still
-- in the old coding is not a contradiction by itself (rule 101 and others judge the codes).
select 'UASC' as table_name, u.row_key, u.CHILD as child
from uasc as u
join header as h on h.CHILD = u.CHILD
where case u.SEX when '1' then 'M' when '2' then 'F' else u.SEX end
   <> case h.SEX when '1' then 'M' when '2' then 'F' else h.SEX end
