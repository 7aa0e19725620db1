-- 583: More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year.
-- severity: query
-- Every decision but the latest (by DATE_PLACED) must have ceased.
with ordered as (
    select *, row_number() over (partition by CHILD order by DATE_PLACED_d desc nulls last, row_key desc) as n
    from placed_adoption
)
select 'PlacedAdoption' as table_name, row_key, CHILD as child
from ordered
where n > 1 and DATE_PLACED_CEASED is null
