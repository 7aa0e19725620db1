{#-
    The cohort each annual (A) education indicator reports at a month end: the latest academic year to have
    ended by the month end (September to August; so from 31 August a year's results are the ones shown), and
    DfE's cohort for it, the children looked after continuously for 12 months at the 31 March inside that
    academic year (int_ssda903__continuously_looked_after, the OC2 cohort: the collection year and the
    academic year share a name, e.g. 2025/26), the authority's children only. With the UPN that links the
    Virtual School's extract, and whether the child was of compulsory school age that year (aged 5 to 15 on
    31 August before it).
-#}

with

month_ends as (

    select
        month_end,
        academic_year_start

    from {{ ref('int_scorecard__month_ends') }}

),

continuously_looked_after as (

    select
        la_code,
        collection_year,
        child_id

    from {{ ref('int_ssda903__continuously_looked_after') }}

    where la_code = '{{ la_code() }}'

),

children as (

    select
        la_code,
        child_id,
        upn

    from {{ ref('stg_case_system__children') }}

),

child_birthdays as (

    select
        la_code,
        child_id,
        birthday_5,
        birthday_16

    from {{ ref('int_ssda903__child_birthdays') }}

),

-- In August the academic year holding the month end has just ended; in any other month it is the one before.
reported_years as (

    select
        month_end,
        cast(
            case
                when extract(month from month_end) = 8 then academic_year_start
                else {{ dbt.dateadd('year', -1, 'academic_year_start') }}
            end as date
        ) as academic_year_start_date

    from month_ends

),

year_numbers as (

    select
        month_end,
        academic_year_start_date,
        cast(extract(year from academic_year_start_date) as integer) as start_year

    from reported_years

),

named_years as (

    select
        month_end,
        academic_year_start_date,
        cast({{ dbt.dateadd('day', -1, dbt.dateadd('year', 1, 'academic_year_start_date')) }} as date)
            as academic_year_end_date,
        {{ scorecard_academic_year_name('start_year') }} as academic_year

    from year_numbers

),

final as (

    select

        ---------- ids
        continuously_looked_after.la_code,
        named_years.month_end,
        named_years.academic_year,
        continuously_looked_after.child_id,
        -- UN1-UN5 say why there is no UPN; they link nothing
        case when children.upn in {{ upn_unknown_codes() }} then null else children.upn end as upn,

        ---------- dates
        named_years.academic_year_start_date,
        named_years.academic_year_end_date,

        ---------- flags
        coalesce(
            {{ scorecard_is_school_age('child_birthdays', 'named_years.academic_year_start_date') }}, false
        ) as is_school_age

    from named_years

    inner join continuously_looked_after
        on named_years.academic_year = continuously_looked_after.collection_year

    left join children
        on {{ same_child('continuously_looked_after', 'children') }}

    left join child_birthdays
        on {{ same_child('continuously_looked_after', 'child_birthdays') }}

)

select * from final
