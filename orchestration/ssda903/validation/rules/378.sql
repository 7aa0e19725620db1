-- 378: A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE = 'P1' and LS = 'V2'
