{#- The children looked after at each month end whose UPN can link them to the Virtual School's extracts (UN1-UN5
    say why a child has no UPN, and link nothing), with the first days of the month and of the academic year. -#}

with

child_months as (

    select * from {{ ref('int_scorecard__child_months') }}

    where upn not in {{ upn_unknown_codes() }}

),

month_ends as (

    select * from {{ ref('int_scorecard__month_ends') }}

),

final as (

    select
        child_months.la_code,
        child_months.month_end,
        child_months.child_id,
        child_months.upn,
        month_ends.month_start,
        month_ends.academic_year_start

    from child_months

    inner join month_ends
        on child_months.month_end = month_ends.month_end

)

select * from final
