{#-
    Whether the authority knows each care leaver's status at a birthday (17th to 21st): whether it is in touch,
    and their activity and accommodation. One row per care leaver contact.
      - in touch not known: IN_TOUCH is NO (the authority is not in touch, nor is anyone else) or blank;
      - activity or accommodation not known: blank or 0 ("information not known") for a young person the
        authority is in touch with. For those who died, refused contact, no longer need services or have
        returned home DfE expects none, and the reason is itself known.
    The 2015 papers could not ascertain the status of 56% of care leavers aged 19-21 (source-documents 000 L840).
-#}

with

contacts as (

    select * from {{ ref('stg_case_system__care_leaver_contacts') }}

),

children as (

    select * from {{ ref('stg_case_system__children') }}

),

collection_years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

last_complete_year as (

    select max(collection_year) as collection_year

    from collection_years

    where not is_in_progress

),

aged as (

    select
        contacts.la_code,
        contacts.child_id,
        contacts.birthday,
        contacts.in_touch_code,
        contacts.activity_code,
        contacts.accommodation_code,
        {{ dbt.datediff('children.date_of_birth', 'contacts.birthday', 'year') }} as age_at_birthday

    from contacts

    inner join children
        on {{ same_child('contacts', 'children') }}

),

flagged as (

    select
        la_code,
        child_id,
        birthday,
        age_at_birthday,
        case when age_at_birthday <= 18 then '17-18' else '19-21' end as age_group,
        in_touch_code,
        coalesce(in_touch_code, 'NO') <> 'NO' as is_in_touch_known,
        in_touch_code <> 'YES' or coalesce(activity_code, '0') <> '0' as is_activity_known,
        in_touch_code <> 'YES' or coalesce(accommodation_code, '0') <> '0' as is_accommodation_known

    from aged

    where age_at_birthday between 17 and 21

),

final as (

    select
        flagged.la_code,
        flagged.child_id,
        flagged.birthday,
        {{ dbt.last_day('flagged.birthday', 'month') }} as month_end,
        collection_years.collection_year,
        collection_years.collection_year = last_complete_year.collection_year as is_in_last_complete_year,
        flagged.age_at_birthday,
        flagged.age_group,
        flagged.in_touch_code,
        flagged.is_in_touch_known,
        flagged.is_activity_known,
        flagged.is_accommodation_known,
        flagged.is_in_touch_known
            and flagged.is_activity_known
            and flagged.is_accommodation_known as is_status_known

    from flagged

    left join collection_years
        on {{ ssda903_in_year('flagged.birthday') }}

    cross join last_complete_year

)

select * from final
