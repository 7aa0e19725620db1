{#-
    The children in care at each month end who are of compulsory school age in that academic year: aged 5
    to 15 on 31 August before it (national curriculum Years 1 to 11, as the school census counts age), with
    their UPN, which links the Virtual School's extract.
-#}

with

child_months as (

    select * from {{ ref('int_scorecard__child_months') }}

),

month_ends as (

    select
        month_end,
        academic_year_start

    from {{ ref('int_scorecard__month_ends') }}

),

child_birthdays as (

    select
        la_code,
        child_id,
        birthday_5,
        birthday_16

    from {{ ref('int_ssda903__child_birthdays') }}

),

final as (

    select

        ---------- ids
        child_months.la_code,
        child_months.month_end,
        child_months.child_id,
        -- UN1-UN5 say why there is no UPN; they link nothing
        case when child_months.upn in {{ upn_unknown_codes() }} then null else child_months.upn end as upn,

        ---------- dates
        month_ends.academic_year_start,
        child_months.period_start_date,

        ---------- flags
        child_months.is_looked_after_12_months

    from child_months

    inner join month_ends
        on child_months.month_end = month_ends.month_end

    inner join child_birthdays
        on {{ same_child('child_months', 'child_birthdays') }}

    where {{ scorecard_is_school_age('child_birthdays', 'month_ends.academic_year_start') }}

)

select * from final
