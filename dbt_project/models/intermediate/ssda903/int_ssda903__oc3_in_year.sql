{#-
    The OC3 rows the warehouse derives for each collection year: one row per care leaver whose 17th to 21st
    birthday falls in the year (int_ssda903__care_leavers has DfE's cohort), with whether the authority was
    in touch with them, their activity and their accommodation around that birthday, from the care leaver
    contact recorded for it. A care leaver with no contact recorded for the birthday is still returned, with
    the three items blank, for the 903 validation to report.
-#}

with

collection_years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

care_leavers as (

    select * from {{ ref('int_ssda903__care_leavers') }}

),

contacts as (

    select * from {{ ref('stg_case_system__care_leaver_contacts') }}

),

-- The contact for the birthday: recorded against a birthday in the same collection year (so a 29 February
-- birthday recorded as 28 February or 1 March still matches), the exact day first, then the latest contact.
birthday_contacts as (

    select
        care_leavers.la_code,
        care_leavers.collection_year,
        care_leavers.child_id,
        contacts.in_touch_code,
        contacts.activity_code,
        contacts.accommodation_code,
        row_number() over (
            partition by care_leavers.la_code, care_leavers.collection_year, care_leavers.child_id
            order by
                case when contacts.birthday = care_leavers.birthday then 0 else 1 end,
                contacts.contact_date desc
        ) as best_first

    from care_leavers

    inner join collection_years
        on care_leavers.collection_year = collection_years.collection_year

    inner join contacts
        on {{ same_child('care_leavers', 'contacts') }}
        and {{ ssda903_in_year('contacts.birthday') }}

),

final as (

    select
        {{ ssda903_child_columns('care_leavers') }},
        cast(birthday_contacts.in_touch_code as {{ dbt.type_string() }}) as in_touch,
        cast(birthday_contacts.activity_code as {{ dbt.type_string() }}) as activ,
        cast(birthday_contacts.accommodation_code as {{ dbt.type_string() }}) as accom

    from care_leavers

    left join birthday_contacts
        on care_leavers.la_code = birthday_contacts.la_code
        and care_leavers.collection_year = birthday_contacts.collection_year
        and care_leavers.child_id = birthday_contacts.child_id
        and birthday_contacts.best_first = 1

)

select * from final
