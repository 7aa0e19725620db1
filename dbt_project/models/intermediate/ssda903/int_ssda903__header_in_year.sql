{#-
    The Header rows the warehouse derives for each collection year: one row per child with an episode of care
    in the year, with the child's characteristics in that year's coding: SEX 1 (male) / 2 (female) up to
    2023/24 and M / F / U from 2024/25 (a U has no code before 2024/25 and is left blank for the 903
    validation to report); MOTHER 1 or 0 for girls looked after in the year other than on V3/V4 short breaks
    only (rules 165, 393, 399), blank for everyone else, and 1 only from the year her first child was born,
    with MC_DOB that child's date of birth. Care leavers in OC3 with no episode in the year have a Header row
    too: DfE expects every child in any table of the return to be in Header (rules INT01-INT36).
-#}

with

collection_years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

episodes as (

    select * from {{ ref('int_ssda903__episodes_in_year') }}

),

care_leavers as (

    select * from {{ ref('int_ssda903__oc3_in_year') }}

),

children as (

    select * from {{ ref('stg_case_system__children') }}

),

looked_after_in_year as (

    select
        la_code,
        collection_year,
        child as child_id,
        max(case when ls in ('V3', 'V4') then 0 else 1 end) as is_looked_after_beyond_short_breaks

    from episodes

    group by la_code, collection_year, child

),

children_in_year as (

    select * from looked_after_in_year

    union all

    select
        care_leavers.la_code,
        care_leavers.collection_year,
        care_leavers.child as child_id,
        0 as is_looked_after_beyond_short_breaks

    from care_leavers

    left join looked_after_in_year
        on care_leavers.la_code = looked_after_in_year.la_code
        and care_leavers.collection_year = looked_after_in_year.collection_year
        and care_leavers.child = looked_after_in_year.child_id

    where looked_after_in_year.child_id is null

),

described as (

    select

        children_in_year.la_code,
        children_in_year.collection_year,
        children_in_year.child_id,
        case
            when collection_years.year_ending >= 2025 then children.sex
            when children.sex = 'M' then '1'
            when children.sex = 'F' then '2'
        end as sex,
        children.date_of_birth,
        children.ethnicity_code,
        children.upn,
        children.sex = 'F' and children_in_year.is_looked_after_beyond_short_breaks = 1 as is_asked_mother,
        coalesce(children.is_mother, false)
            and (
                children.first_child_date_of_birth is null
                or children.first_child_date_of_birth <= collection_years.year_end_date
            ) as is_mother_by_year_end,
        children.first_child_date_of_birth

    from children_in_year

    inner join collection_years
        on children_in_year.collection_year = collection_years.collection_year

    inner join children
        on {{ same_child('children_in_year', 'children') }}

),

final as (

    select

        la_code,
        collection_year,
        cast(child_id as {{ dbt.type_string() }}) as child,
        cast(sex as {{ dbt.type_string() }}) as sex,
        date_of_birth as dob,
        cast(ethnicity_code as {{ dbt.type_string() }}) as ethnic,
        cast(upn as {{ dbt.type_string() }}) as upn,
        cast(
            case
                when not is_asked_mother then null
                when is_mother_by_year_end then 1
                else 0
            end as integer
        ) as mother,
        case when is_asked_mother and is_mother_by_year_end then first_child_date_of_birth end as mc_dob

    from described

)

select * from final
