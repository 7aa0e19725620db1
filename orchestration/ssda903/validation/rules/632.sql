-- 632: Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year
-- DATE_PERM is dd/mm/yyyy, and any part may be ZZ (ZZZZ for the year) when not known. A date that does not
-- fit is an error on its own; a date that fits must be before the child's first episode this year. For a
-- partly known date the earliest date it could be is compared, so an unknown part never causes an error
-- (an unknown year cannot be compared at all). The order must come before the start of care PrevPerm is
-- about: the child's latest episode with RNE S in the return (a child who left care on an order this year
-- and came back has a start after the order; the sector validator compares with the child's earliest
-- episode, which DfE's note on the rule says misfires for periods starting before the year). With no RNE S
-- episode the earliest episode is used. That episode is returned with the PrevPerm row when its start is
-- the date contradicted.
with p as (
    select
        row_key, CHILD, DATE_PERM,
        regexp_extract(DATE_PERM, '^(\d{2}|ZZ)/(\d{2}|ZZ)/(\d{4}|ZZZZ)$', ['dd', 'mm', 'yyyy']) as part,
        regexp_matches(DATE_PERM, '^(\d{2}|ZZ)/(\d{2}|ZZ)/(\d{4}|ZZZZ)$') as shaped
    from prev_perm
    where DATE_PERM is not null
),
checked as (
    select
        row_key, CHILD, DATE_PERM, part,
        shaped
        and (part.dd = 'ZZ' or try_cast(part.dd as integer) between 1 and 31)
        and (part.mm = 'ZZ' or try_cast(part.mm as integer) between 1 and 12)
        -- a fully known date must exist; a known day and month need a year that has them (29/02 has one)
        and (part.dd = 'ZZ' or part.mm = 'ZZ'
             or try_strptime(part.dd || '/' || part.mm || '/'
                             || case when part.yyyy = 'ZZZZ' then '2000' else part.yyyy end, '%d/%m/%Y') is not null)
        as valid
    from p
),
earliest as (
    select *,
        case when valid and part.yyyy <> 'ZZZZ' then
            make_date(try_cast(part.yyyy as integer),
                      case when part.mm = 'ZZ' then 1 else try_cast(part.mm as integer) end,
                      case when part.dd = 'ZZ' then 1 else try_cast(part.dd as integer) end)
        end as earliest_date
    from checked
),
first_episode as (
    select *, row_number() over (
        partition by CHILD
        order by case when RNE = 'S' then 0 else 1 end,
                 case when RNE = 'S' then DECOM_d end desc,
                 DECOM_d, row_key
    ) as n
    from episodes
    where DECOM_d is not null
),
joined as (
    select x.row_key, x.CHILD, x.valid, x.earliest_date, f.row_key as episode_row, f.DECOM_d as decom
    from earliest as x
    left join first_episode as f on f.CHILD = x.CHILD and f.n = 1
)
select 'PrevPerm' as table_name, row_key, CHILD as child
from joined
where not valid or earliest_date >= decom
union all
select 'Episodes' as table_name, episode_row as row_key, CHILD as child
from joined
where valid and earliest_date >= decom
