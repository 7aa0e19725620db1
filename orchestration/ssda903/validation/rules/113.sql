-- 113: Date matching child and adopter(s) is not a valid date.
select 'AD1' as table_name, row_key, CHILD as child
from ad1
where DATE_MATCH is not null and DATE_MATCH_d is null
