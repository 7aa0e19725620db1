{#- The month ends the scorecard reports: the last 61 (five years and the month a year before the first, so
    every month has a previous month and a previous year to compare with), up to the last month end on or
    before the as-of date, with the start of each reporting window the indicators' period types need. -#}

with

month_numbers as (

    {{ dbt.generate_series(61) }}

),

last_month as (

    -- the month of the last month end on or before the as-of date (the as-of date itself when it is one)
    select cast(
        {{ dbt.dateadd('month', -1, dbt.date_trunc('month', dbt.dateadd('day', 1, as_of_date()))) }} as date
    ) as month_start

),

months as (

    select
        cast({{ dbt.dateadd('month', 'cast(1 - month_numbers.generated_number as integer)', 'last_month.month_start') }}
            as date) as month_start

    from month_numbers

    cross join last_month

),

month_ends as (

    select

        month_start,
        cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'month_start')) }} as date) as month_end,
        cast({{ dbt.date_trunc('year', 'month_start') }} as date) as calendar_year_start,
        extract(month from month_start) as month_number

    from months

),

windows as (

    select

        month_end,
        month_start,
        -- financial year: 1 April on or before the month end
        cast(
            case
                when month_number >= 4 then {{ dbt.dateadd('month', 3, 'calendar_year_start') }}
                else {{ dbt.dateadd('month', -9, 'calendar_year_start') }}
            end as date
        ) as financial_year_start,
        -- academic year: 1 September on or before the month end
        cast(
            case
                when month_number >= 9 then {{ dbt.dateadd('month', 8, 'calendar_year_start') }}
                else {{ dbt.dateadd('month', -4, 'calendar_year_start') }}
            end as date
        ) as academic_year_start,
        -- rolling 12 months: the month and the eleven before it
        cast({{ dbt.dateadd('month', -11, 'month_start') }} as date) as rolling_12_start,
        cast({{ dbt.dateadd('day', -1, 'month_start') }} as date) as previous_month_end,
        -- the latest 31 March on or before the month end (the year's outturn)
        cast(
            case
                when month_number = 3 then {{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'month_start')) }}
                when month_number > 3 then {{ dbt.dateadd('day', -1, dbt.dateadd('month', 3, 'calendar_year_start')) }}
                else {{ dbt.dateadd('day', -1, dbt.dateadd('month', -9, 'calendar_year_start')) }}
            end as date
        ) as last_march_end,
        cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', -2, 'month_start')) }} as date) as previous_quarter_month_end

    from month_ends

),

final as (

    select

        month_end,
        month_start,
        financial_year_start,
        academic_year_start,
        rolling_12_start,
        previous_month_end,
        previous_quarter_month_end,
        last_march_end,
        cast(extract(year from financial_year_start) + 1 as integer) as year_ending

    from windows

)

select * from final
