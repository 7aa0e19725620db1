{#-
    The OC2 rows the warehouse derives for each collection year: one row per child looked after continuously
    for at least 12 months at 31 March (not on short breaks), with their health and offending outcomes for
    the year (int_ssda903__outcomes_in_year). DfE's age rules decide which items are returned:
      - SDQ_SCORE or SDQ_REASON (the latest SDQ in the year) for children aged 4 or over at 31 March and
        not yet 17 on 1 April (rules 188, 189); blank when the child had no SDQ in the year;
      - CONVICTED for children aged 10 or over at 31 March (rule 542);
      - HEALTH_CHECK (development checks up to date) for children under 5 at 31 March (rule 546);
      - IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE for everyone;
      - INTERVENTION_RECEIVED only when SUBSTANCE_MISUSE is 1, and INTERVENTION_OFFERED (offered but
        refused) only when no intervention was received (rules 158, 159, 193).
-#}

with

collection_years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

outcomes as (

    select * from {{ ref('int_ssda903__outcomes_in_year') }}

),

child_birthdays as (

    select * from {{ ref('int_ssda903__child_birthdays') }}

),

with_ages as (

    select
        outcomes.*,
        child_birthdays.birthday_4 <= collection_years.year_end_date
            and child_birthdays.birthday_17 >= collection_years.year_start_date as is_sdq_age,
        child_birthdays.birthday_10 <= collection_years.year_end_date as is_10_or_over,
        child_birthdays.birthday_5 > collection_years.year_end_date as is_under_5

    from outcomes

    inner join collection_years
        on outcomes.collection_year = collection_years.collection_year

    left join child_birthdays
        on {{ same_child('outcomes', 'child_birthdays') }}

),

final as (

    select
        {{ ssda903_child_columns() }},
        cast(case when is_sdq_age then sdq_score end as integer) as sdq_score,
        cast(case when is_sdq_age then sdq_reason_code end as {{ dbt.type_string() }}) as sdq_reason,
        cast(case when is_10_or_over then was_convicted end as integer) as convicted,
        cast(case when is_under_5 then development_checks_up_to_date end as integer) as health_check,
        cast(immunisations_up_to_date as integer) as immunisations,
        cast(had_dental_check as integer) as teeth_check,
        cast(had_health_assessment as integer) as health_assessment,
        cast(had_substance_misuse as integer) as substance_misuse,
        cast(case when had_substance_misuse = 1 then coalesce(intervention_received, 0) end as integer)
            as intervention_received,
        cast(
            case
                when had_substance_misuse = 1 and coalesce(intervention_received, 0) = 0
                    then coalesce(intervention_offered, 0)
            end as integer
        ) as intervention_offered

    from with_ages

)

select * from final
