-- 355: Episode appears to have lasted for less than 24 hours
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where DECOM_d = DEC_d
