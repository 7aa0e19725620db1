{#-
    The PlacedAdoption ("should be placed for adoption") rows the warehouse derives for each collection year:
    one row per decision that a child should be placed for adoption that was in force at some time in the
    year, for children looked after in the year. A decision is in force from the day it was made
    (DATE_PLACED, the best-interest decision) until it was reversed or the child's period of care ended
    (adopted or not). Decisions reversed before the year, or whose period of care ended before it, are not
    returned (rule 118); decisions made after the year are not returned (rule 117).
    DATE_PLACED_CEASED and REASON_PLACED_CEASED are the recorded reversal, when it was made by 31 March
    (rule 119: both or neither). They stay blank when the child was adopted (rule 558), and are not
    invented when a child left care otherwise without a recorded reversal: the validation reports those
    (rule 557).
-#}

with

decisions as (

    select * from {{ ref('stg_case_system__adoptions') }}

),

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

    where end_date is not null

),

-- The day each decision stopped being in force: its reversal, or the end of the period of care it was
-- made in (the first period to end on or after the decision), whichever came first.
decision_spans as (

    select
        decisions.la_code,
        decisions.child_id,
        decisions.best_interest_decision_date,
        decisions.decision_reversed_date,
        decisions.decision_reversed_reason_code,
        min(periods.end_date) as care_ended_date

    from decisions

    left join periods
        on {{ same_child('decisions', 'periods') }}
        and periods.end_date >= decisions.best_interest_decision_date

    group by
        decisions.la_code,
        decisions.child_id,
        decisions.best_interest_decision_date,
        decisions.decision_reversed_date,
        decisions.decision_reversed_reason_code

),

decision_ends as (

    select
        decision_spans.*,
        case
            when decision_reversed_date is not null
                and (care_ended_date is null or decision_reversed_date <= care_ended_date)
                then decision_reversed_date
            else care_ended_date
        end as in_force_until

    from decision_spans

),

-- children_in_year and collection_years come with the from clause: each child looked after in a year, with
-- their decisions in force at some time in it
final as (

    select
        {{ ssda903_child_columns('children_in_year') }},
        decision_ends.best_interest_decision_date as date_placed,
        {{ ssda903_end_in_year('decision_ends.decision_reversed_date') }} as date_placed_ceased,
        cast(
            case
                when decision_ends.decision_reversed_date <= collection_years.year_end_date
                    then decision_ends.decision_reversed_reason_code
            end as {{ dbt.type_string() }}
        ) as reason_placed_ceased

    {{ ssda903_from_records_in_year('decision_ends', 'best_interest_decision_date', 'in_force_until') }}

)

select * from final
