{#- The care leavers the L indicators count at each month end: the authority's DfE OC3 cohort
    (int_ssda903__care_leavers) whose 17th to 21st birthday fell in the 12 months to the month end, with what the
    case system recorded at that birthday (blank when no contact was recorded: "not known"). L01-L03 count the
    19- to 21-year-olds, L04-L06 the 17- and 18-year-olds, as DfE's tables report them apart. Left out, as DfE's
    care-leaver tables leave them out: those who have died since leaving care (IN_TOUCH DIED) and those who
    returned home to parents for 6 months or more (RHOM). -#}

with

care_leavers as (

    select distinct la_code, child_id, birthday, age_at_birthday

    from {{ ref('int_ssda903__care_leavers') }}

    where la_code = '{{ la_code() }}'

),

contacts as (

    select la_code, child_id, birthday, in_touch_code, activity_code, accommodation_code

    from {{ ref('stg_case_system__care_leaver_contacts') }}

),

birthdays_in_window as (

    {{ scorecard_rows_in_window('care_leavers', 'birthday', 'R12') }}

),

-- one birthday per care leaver: someone born on 29 February can have two in a window (1 March and 29 February)
latest_birthdays as (

    {{ scorecard_latest_per_child('birthdays_in_window', 'birthday') }}

),

final as (

    select
        latest_birthdays.la_code,
        latest_birthdays.month_end,
        latest_birthdays.child_id,
        latest_birthdays.birthday,
        latest_birthdays.age_at_birthday,
        contacts.in_touch_code,
        contacts.activity_code,
        contacts.accommodation_code

    from latest_birthdays

    left join contacts
        on {{ same_child('latest_birthdays', 'contacts') }}
        and latest_birthdays.birthday = contacts.birthday

    where contacts.in_touch_code is null
        or contacts.in_touch_code not in ('DIED', 'RHOM')

)

select * from final
