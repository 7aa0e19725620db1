{#-
    Whether each row of the health extract links to a child in the case system: the child it names, or when
    it names none the one child holding its NHS number (int_ssda903__health_rows links them), and that child
    is one the case system knows. One row per health row; rows that link to no child never reach a child's
    record.
-#}

with

health_rows as (

    select * from {{ ref('int_ssda903__health_rows') }}

),

children as (

    select * from {{ ref('stg_case_system__children') }}

),

linked as (

    select
        health_rows.la_code,
        health_rows.entity,
        health_rows.child_id,
        children.child_id as linked_child_id,
        -- a health assessment not yet completed is dated by its referral, else by when it is due
        coalesce(health_rows.record_date, health_rows.referred_date, health_rows.due_date) as record_date,
        health_rows.source_file,
        health_rows.source_row

    from health_rows

    left join children
        on health_rows.la_code = children.la_code
        and health_rows.linked_child_id = children.child_id

),

final as (

    select
        la_code,
        entity,
        child_id,
        linked_child_id,
        record_date,
        {{ dbt.last_day('record_date', 'month') }} as month_end,
        source_file,
        source_row,
        linked_child_id is not null as is_linked

    from linked

)

select * from final
