-- 1012: No other data should be returned for OC3 children who had no episodes in the current year
-- A child with no episode this year (a care leaver only) has a Header and OC3 row and nothing else: rows in
-- PlacedAdoption, Missing, Reviews, AD1, PrevPerm or OC2 for such a child are returned.
with rows_ as (
    select 'PlacedAdoption' as table_name, row_key, CHILD from placed_adoption
    union all select 'Missing', row_key, CHILD from missing
    union all select 'Reviews', row_key, CHILD from reviews
    union all select 'AD1', row_key, CHILD from ad1
    union all select 'PrevPerm', row_key, CHILD from prev_perm
    union all select 'OC2', row_key, CHILD from oc2
)
select table_name, row_key, CHILD as child
from rows_ as r
where not exists (select 1 from episodes as e where e.CHILD = r.CHILD)
