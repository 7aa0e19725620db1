{#- The care leavers the L indicators count at each month end: DfE's OC3 cohort (int_ssda903__care_leavers)
    whose 19th, 20th or 21st birthday fell in the 12 months to the month end, with what the case system
    recorded at that birthday (blank when no contact was recorded: "not known"). 17- and 18-year-olds are
    reported apart by DfE and left out here. -#}

with

month_ends as (

    select month_end, rolling_12_start from {{ ref('int_scorecard__month_ends') }}

),

care_leavers as (

    select distinct la_code, child_id, birthday

    from {{ ref('int_ssda903__care_leavers') }}

    where la_code = '{{ la_code() }}'
        and age_at_birthday in (19, 20, 21)

),

contacts as (

    select la_code, child_id, birthday, in_touch_code, activity_code, accommodation_code

    from {{ ref('stg_case_system__care_leaver_contacts') }}

    where la_code = '{{ la_code() }}'

),

-- one birthday per care leaver: someone born on 29 February can have two in a window (1 March and 29 February)
birthdays_in_window as (

    select
        care_leavers.la_code,
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
        birthdays_in_window.la_code,
        birthdays_in_window.month_end,
        birthdays_in_window.child_id,
        birthdays_in_window.birthday,
        contacts.in_touch_code,
        contacts.activity_code,
        contacts.accommodation_code

    from birthdays_in_window

    left join contacts
        on birthdays_in_window.la_code = contacts.la_code
        and birthdays_in_window.child_id = contacts.child_id
        and birthdays_in_window.birthday = contacts.birthday

    where birthdays_in_window.latest_first = 1

)

select * from final
