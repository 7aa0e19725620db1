{#- The two case-system histories the 903 episodes are cut from, as one list: every legal status and every
    placement, each with its kind, its key (the legal status code, or the placement id), a label to report it
    by, and its dates. int_ssda903__history_intervals cuts periods of care into stretches at their starts and
    ends; int_ssda903__history_conflicts reports where they do not fit together. -#}

with

legal_statuses as (

    select * from {{ ref('stg_case_system__legal_statuses') }}

),

placements as (

    select * from {{ ref('stg_case_system__placements') }}

),

final as (

    select
        la_code,
        child_id,
        'legal_status' as item_kind,
        legal_status_code as item_key,
        legal_status_code as item_label,
        start_date,
        end_date,
        -- a V3 short-breaks status may span several breaks, each a period of care of its own
        case when legal_status_code in ('V3', 'V4') then 1 else 0 end as may_span_periods
    from legal_statuses

    union all

    select
        la_code,
        child_id,
        'placement' as item_kind,
        placement_id as item_key,
        {{ dbt.concat(["'placement '", "placement_id"]) }} as item_label,
        start_date,
        end_date,
        0 as may_span_periods
    from placements

)

select * from final
