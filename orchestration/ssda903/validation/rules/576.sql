-- 576: There is an open missing/away from placement without authorisation period in last year’s return and there is no corresponding period recorded at the start of this year.
-- needs: last_year
-- A missing period open at the end of last year is still going on 1 April, so it must be this year's
-- first missing period (earliest start), with the same start date. A child in this year's return with no
-- missing period at all is reported on their Header row, there being no Missing row to point at.
with open_last as (
    select CHILD, MIS_START_d as mis_start
    from missing_last
    where MIS_END is null and MIS_START_d is not null
),
first_now as (
    select *, row_number() over (partition by CHILD order by MIS_START_d asc nulls last, row_key) as n
    from missing
)
select 'Missing' as table_name, f.row_key, f.CHILD as child
from first_now as f
join open_last as o on o.CHILD = f.CHILD
where f.n = 1 and f.MIS_START_d is distinct from o.mis_start
union all
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
join open_last as o on o.CHILD = h.CHILD
where not exists (select 1 from missing as m where m.CHILD = h.CHILD)
