-- 331: Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.
-- The date of placement for adoption is when the adoptive placement began: the first episode of the run
-- of A3-A6 episodes that ends with the adoption (REC E11/E12), so a legal-status change during the
-- placement does not move it. An adoption episode that is not an A placement (rule 390) uses its DECOM.
with ordered as (
    select *,
        DECOM_d as start_date,
        sum(case when PLACE in ('A3', 'A4', 'A5', 'A6') then 0 else 1 end) over (
            partition by CHILD order by DECOM_d, DEC_d, row_key rows unbounded preceding
        ) as run
    from episodes
),
placed as (
    select a.CHILD,
        case when a.PLACE in ('A3', 'A4', 'A5', 'A6') then (
            select min(o.start_date) from ordered as o
            where o.CHILD = a.CHILD and o.run = a.run and o.PLACE in ('A3', 'A4', 'A5', 'A6')
        ) else a.start_date end as placed_on
    from ordered as a
    where a.REC in ('E11', 'E12')
)
select 'AD1' as table_name, ad.row_key, ad.CHILD as child
from ad1 as ad
join placed as p on p.CHILD = ad.CHILD
where ad.DATE_MATCH_d > p.placed_on
