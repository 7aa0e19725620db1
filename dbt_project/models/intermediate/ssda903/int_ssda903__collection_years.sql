{#- The 903 collection years the warehouse reports: 2018/19 (the first year in the code lists) up to the year
    holding the as-of date. A year runs 1 April to 31 March and is named by both calendar years ('2025/26'). -#}

with

year_numbers as (

    {{ dbt.generate_series(150) }}

),

years as (

    select

        cast(2018 + generated_number as integer) as year_ending,
        cast({{ dbt.dateadd('year', 'cast(generated_number - 1 as integer)', "cast('2018-04-01' as date)") }} as date)
            as year_start_date

    from year_numbers

),

named as (

    select

        ---------- ids
        {{ dbt.concat([
            dbt.cast('year_ending - 1', dbt.type_string()),
            "'/'",
            dbt.right(dbt.cast('year_ending', dbt.type_string()), '2'),
        ]) }} as collection_year,

        ---------- dates
        year_start_date,
        cast({{ dbt.dateadd('day', -1, dbt.dateadd('year', 1, 'year_start_date')) }} as date) as year_end_date,

        ---------- numerics
        year_ending

    from years

),

final as (

    select

        collection_year,
        year_start_date,
        year_end_date,
        year_ending,
        {{ as_of_date() }} between year_start_date and year_end_date as is_in_progress

    from named

    where year_start_date <= {{ as_of_date() }}

)

select * from final
