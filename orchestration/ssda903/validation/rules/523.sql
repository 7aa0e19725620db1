-- 523: Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).
-- The adoption's best-interest decision (AD1 DATE_INT) is the decision to place: it must equal the
-- child's latest decision that they should be placed for adoption. Earlier decisions, reversed before
-- the one that led to the adoption, are not compared.
with latest as (
    select *, row_number() over (partition by CHILD order by DATE_PLACED_d desc, row_key desc) as n
    from placed_adoption
    where DATE_PLACED_d is not null
)
select 'PlacedAdoption' as table_name, p.row_key, p.CHILD as child
from latest as p
join ad1 as a on a.CHILD = p.CHILD
where p.n = 1 and a.DATE_INT_d is not null and a.DATE_INT_d <> p.DATE_PLACED_d
