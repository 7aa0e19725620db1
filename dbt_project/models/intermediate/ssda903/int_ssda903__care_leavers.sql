{#-
    DfE's OC3 cohort: care leavers whose 17th, 18th, 19th, 20th or 21st birthday falls in the collection
    year, one row per young person and year (only one of those birthdays can fall in a year). A young
    person is in it when, counting periods of care up to that birthday and leaving out short breaks (V3/V4):
      - they were looked after for at least 13 weeks (91 days) after their 14th birthday, some of it after
        their 16th birthday (a relevant or former relevant child; validator rule 1001);
      - they had left care before the birthday: 17- and 18-year-olds still looked after on it, who leave on
        it or after it, are not reported for it (rules 1007 and 1016: DfE counts a young person who ceases to
        be looked after on their 17th or 18th birthday as leaving at that age, so not a care leaver at it; one
        leaving on their 18th birthday is reported from their 19th). No one is looked after on a 19th to 21st
        birthday. Nor is a 17- or 18-year-old who came back into care after the birthday and left again
        before the year's end (rule 1016 again);
      - their last period of care before the birthday did not end because they died (E2, rule 1000), were
        adopted (E11, E12, rule 1001), had their care taken over by another authority (E3, rule 1011) or
        were found by an age assessment to be 18 or over (E15: an adult, never a child in care);
      - they have not been reported as having died at an earlier birthday (IN_TOUCH DIED; rule 348).
    In the year in progress only birthdays before the as-of date count: the others have not happened yet, and
    a contact for a birthday on the day the warehouse runs cannot be in an extract taken up to the day before.
-#}

{%- set leaver_ages = [17, 18, 19, 20, 21] -%}

with

collection_years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

child_birthdays as (

    select * from {{ ref('int_ssda903__child_birthdays') }}

),

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

),

deaths_reported as (

    select
        la_code,
        child_id,
        min(birthday) as first_reported_birthday

    from {{ ref('stg_case_system__care_leaver_contacts') }}

    where in_touch_code = 'DIED'

    group by
        la_code,
        child_id

),

leaver_birthdays as (

    {%- for age in leaver_ages %}
    select
        la_code,
        child_id,
        date_of_birth,
        birthday_14,
        birthday_16,
        {{ age }} as age_at_birthday,
        birthday_{{ age }} as birthday

    from child_birthdays
    {%- if not loop.last %}

    union all
    {% endif %}
    {%- endfor %}

),

birthdays_in_year as (

    select
        leaver_birthdays.la_code,
        collection_years.collection_year,
        leaver_birthdays.child_id,
        leaver_birthdays.date_of_birth,
        leaver_birthdays.birthday_14,
        leaver_birthdays.birthday_16,
        leaver_birthdays.age_at_birthday,
        leaver_birthdays.birthday

    from leaver_birthdays

    inner join collection_years
        on {{ ssda903_in_year('leaver_birthdays.birthday') }}

    where leaver_birthdays.birthday < {{ as_of_date() }}

),

-- Each period of care started by the birthday, cut off at the birthday.
periods_to_birthday as (

    select
        birthdays_in_year.la_code,
        birthdays_in_year.collection_year,
        birthdays_in_year.child_id,
        birthdays_in_year.birthday,
        periods.start_date,
        periods.reason_ended_code,
        periods.is_short_breaks,
        -- leaving care on the birthday counts as looked after on it (rule 1016)
        periods.end_date is null or periods.end_date >= birthdays_in_year.birthday as is_looked_after_on_birthday,
        greatest(periods.start_date, birthdays_in_year.birthday_14) as counted_from_14,
        greatest(periods.start_date, birthdays_in_year.birthday_16) as counted_from_16,
        least(coalesce(periods.end_date, birthdays_in_year.birthday), birthdays_in_year.birthday) as counted_to

    from birthdays_in_year

    inner join periods
        on {{ same_child('birthdays_in_year', 'periods') }}
        and periods.start_date <= birthdays_in_year.birthday

),

care_history as (

    select
        la_code,
        collection_year,
        child_id,
        max(case when is_looked_after_on_birthday then 1 else 0 end) = 1 as is_looked_after_on_birthday,
        cast(
            sum(
                case
                    when not is_short_breaks and counted_to > counted_from_14
                        then {{ dbt.datediff('counted_from_14', 'counted_to', 'day') }}
                    else 0
                end
            ) as integer
        ) as days_looked_after_since_14,
        max(case when not is_short_breaks and counted_to > counted_from_16 then 1 else 0 end) = 1
            as was_looked_after_after_16

    from periods_to_birthday

    group by
        la_code,
        collection_year,
        child_id

),

last_periods as (

    select
        la_code,
        collection_year,
        child_id,
        counted_to as left_care_date,
        reason_ended_code,
        row_number() over (
            partition by la_code, collection_year, child_id
            order by start_date desc
        ) as latest_first

    from periods_to_birthday

    where not is_short_breaks

),

-- 17- and 18-year-olds who came back into care after the birthday and ceased to be looked after again by
-- the end of the year: DfE wants no care leaver information for a young person of that age whose care ended
-- after the birthday (rule 1016 looks at the latest episode's end).
left_care_again as (

    select distinct
        birthdays_in_year.la_code,
        birthdays_in_year.collection_year,
        birthdays_in_year.child_id

    from birthdays_in_year

    inner join collection_years
        on birthdays_in_year.collection_year = collection_years.collection_year

    inner join periods
        on {{ same_child('birthdays_in_year', 'periods') }}
        and periods.start_date > birthdays_in_year.birthday
        and periods.end_date <= collection_years.year_end_date

    where birthdays_in_year.age_at_birthday in (17, 18)

),

care_leavers as (

    select
        birthdays_in_year.la_code,
        birthdays_in_year.collection_year,
        birthdays_in_year.child_id,
        birthdays_in_year.date_of_birth,
        birthdays_in_year.age_at_birthday,
        birthdays_in_year.birthday,
        last_periods.left_care_date,
        last_periods.reason_ended_code as left_care_reason_code,
        care_history.days_looked_after_since_14

    from birthdays_in_year

    inner join care_history
        on birthdays_in_year.la_code = care_history.la_code
        and birthdays_in_year.collection_year = care_history.collection_year
        and birthdays_in_year.child_id = care_history.child_id

    inner join last_periods
        on birthdays_in_year.la_code = last_periods.la_code
        and birthdays_in_year.collection_year = last_periods.collection_year
        and birthdays_in_year.child_id = last_periods.child_id
        and last_periods.latest_first = 1

    left join deaths_reported
        on {{ same_child('birthdays_in_year', 'deaths_reported') }}

    left join left_care_again
        on birthdays_in_year.la_code = left_care_again.la_code
        and birthdays_in_year.collection_year = left_care_again.collection_year
        and birthdays_in_year.child_id = left_care_again.child_id

    where care_history.days_looked_after_since_14 >= 91
        and care_history.was_looked_after_after_16
        and not care_history.is_looked_after_on_birthday
        and coalesce(last_periods.reason_ended_code, '') not in ('E2', 'E3', 'E11', 'E12', 'E15')
        and (deaths_reported.child_id is null or deaths_reported.first_reported_birthday >= birthdays_in_year.birthday)
        and left_care_again.child_id is null

)

select * from care_leavers
