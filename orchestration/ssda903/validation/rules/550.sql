-- 550: A placement provider code of PR0 can only be associated with placement P1.
-- PR0 (parents or others with parental responsibility) fits only placement with parents (P1).
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE_PROVIDER = 'PR0' and coalesce(PLACE, '') <> 'P1'
