{{ config(materialized='view') }}

{#- L03, annual measure rolled to each month end: of the care leavers (DfE's OC3 cohort,
    int_ssda903__care_leavers) whose 19th, 20th or 21st birthday fell in the 12 months to the month end, those
    whose the authority was in touch with around the birthday (903 IN_TOUCH YES). DfE measures care leavers at their birthday and
    reports 19-21-year-olds (the headline measure, and Kent's) apart from 17-18-year-olds, who are not counted
    here. A care leaver with no contact recorded for the birthday is "not known": in the denominator only. -#}

with

month_ends as (

    select month_end, rolling_12_start from {{ ref('int_scorecard__month_ends') }}

),

care_leavers as (

    select distinct child_id, birthday

    from {{ ref('int_ssda903__care_leavers') }}

    where la_code = '{{ la_code() }}'
        and age_at_birthday in (19, 20, 21)

),

contacts as (

    select child_id, birthday, in_touch_code, activity_code, accommodation_code

    from {{ ref('stg_case_system__care_leaver_contacts') }}

    where la_code = '{{ la_code() }}'

),

-- one birthday per care leaver: someone born on 29 February can have two in a window (1 March and 29 February)
birthdays_in_window as (

    select
        month_ends.month_end,
        care_leavers.child_id,
        care_leavers.birthday,
        row_number() over (
            partition by month_ends.month_end, care_leavers.child_id order by care_leavers.birthday desc
        ) as latest_first

    from month_ends

    inner join care_leavers
        on care_leavers.birthday between month_ends.rolling_12_start and month_ends.month_end

),

final as (

    select
        cast('L03' as {{ dbt.type_string() }}) as indicator_id,
        birthdays_in_window.month_end,
        cast(birthdays_in_window.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(case when contacts.in_touch_code = 'YES' then 1 else 0 end as double precision) as numerator,
        cast(1 as double precision) as denominator

    from birthdays_in_window

    left join contacts
        on birthdays_in_window.child_id = contacts.child_id
        and birthdays_in_window.birthday = contacts.birthday

    where birthdays_in_window.latest_first = 1

)

select * from final
