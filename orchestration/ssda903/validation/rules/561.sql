-- 561: Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year.
-- needs: last_year
-- A decision reported again this year (same date as last year) cannot have ceased last year.
select 'PlacedAdoption' as table_name, p.row_key, p.CHILD as child
from placed_adoption as p
join placed_adoption_last as l on l.CHILD = p.CHILD and l.DATE_PLACED_d = p.DATE_PLACED_d
where l.DATE_PLACED_CEASED is not null or l.REASON_PLACED_CEASED is not null
