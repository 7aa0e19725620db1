{#- DfE's school stability (any moves) from the Virtual School's extract, which holds one school per pupil and
    academic year: a move is a school in the academic year in progress at the month end other than the school of
    the year before (a change at the start of the year, the one academic-year boundary inside the 12 months to
    the month end). The move to secondary school at the start of Year 7 (aged 11 on the 31 August before) is the
    normal transition, not counted. Moves within a year (DfE's mid-year moves) cannot be seen in a yearly record
    (docs/scorecard_indicators.md). -#}

with

children_in_care as (

    select * from {{ ref('int_scorecard__child_months') }}

    where upn not in {{ upn_unknown_codes() }}

),

month_ends as (

    select
        month_end,
        academic_year_start,
        cast(extract(year from academic_year_start) as integer) as start_year

    from {{ ref('int_scorecard__month_ends') }}

),

academic_years as (

    select
        month_end,
        academic_year_start,
        {{ scorecard_academic_year_name('start_year') }} as academic_year,
        {{ scorecard_academic_year_name('start_year - 1') }} as previous_academic_year

    from month_ends

),

schools as (

    select la_code, upn, academic_year, school_urn

    from {{ ref('stg_education__attendance') }}

    where school_urn is not null

),

pupils as (

    select
        children_in_care.month_end,
        children_in_care.child_id,
        this_year.school_urn,
        last_year.school_urn as previous_school_urn,
        {{ completed_years(
            'children_in_care.date_of_birth', dbt.dateadd('day', -1, 'academic_years.academic_year_start')
        ) }} = 11 as is_starting_year_7

    from children_in_care

    inner join academic_years
        on children_in_care.month_end = academic_years.month_end

    inner join schools as this_year
        on children_in_care.la_code = this_year.la_code
        and children_in_care.upn = this_year.upn
        and this_year.academic_year = academic_years.academic_year

    left join schools as last_year
        on children_in_care.la_code = last_year.la_code
        and children_in_care.upn = last_year.upn
        and last_year.academic_year = academic_years.previous_academic_year

),

{{ scorecard_indicator_rows(
    'pupils', in_numerator='previous_school_urn <> school_urn and not is_starting_year_7'
) }}
