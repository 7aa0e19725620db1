{#-
    The birthdays the 903 rules turn on. A birthday is the date of birth plus whole years; someone born on
    29 February has it on 1 March in other years (the age a person attains in English law), which adding
    years alone would put on 28 February: when going back the same number of years lands before the date
    of birth, the birthday is the day after.
-#}
{%- set ages = [4, 5, 10, 14, 16, 17, 18, 19, 20, 21] -%}

with

children as (

    select * from {{ ref('stg_case_system__children') }}

    where date_of_birth is not null

),

same_day_birthdays as (

    select
        la_code,
        child_id,
        date_of_birth,
        {%- for age in ages %}
        cast({{ dbt.dateadd('year', age, 'date_of_birth') }} as date) as same_day_birthday_{{ age }}
        {{- "," if not loop.last }}
        {%- endfor %}

    from children

),

birthdays as (

    select
        la_code,
        child_id,
        date_of_birth,
        {%- for age in ages %}
        case
            when cast({{ dbt.dateadd('year', -age, 'same_day_birthday_' ~ age) }} as date) < date_of_birth
                then cast({{ dbt.dateadd('day', 1, 'same_day_birthday_' ~ age) }} as date)
            else same_day_birthday_{{ age }}
        end as birthday_{{ age }}
        {{- "," if not loop.last }}
        {%- endfor %}

    from same_day_birthdays

)

select * from birthdays
