-- 706: There is an open DoLO in last year’s return and there is no corresponding DoLO recorded at the start of this year..
-- needs: last_year
-- An order open at the end of last year (no DOLO_END) must be carried over: this year's first order (earliest
-- start) must have the same start date. The child's first order this year is returned; with none at all,
-- the failure carries the child with no row (row_key blank).
with open_last as (
    select CHILD, DOLO_START_d as start
    from dolo_last
    where DOLO_END is null and DOLO_START_d is not null
),
first_now as (
    select *, row_number() over (partition by CHILD order by DOLO_START_d nulls last, row_key) as n
    from dolo
)
select distinct 'DoLo' as table_name, f.row_key, l.CHILD as child
from open_last as l
left join first_now as f on f.CHILD = l.CHILD and f.n = 1
where f.row_key is null or f.DOLO_START_d is distinct from l.start
