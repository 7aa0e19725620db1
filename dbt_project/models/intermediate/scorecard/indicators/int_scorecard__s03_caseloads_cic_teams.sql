{#- The area teams are the district children in care teams; the disability, UASC and care leavers teams are not
    among them. -#}

with

area_team_caseloads as (

    select * from {{ ref('int_scorecard__social_work_posts') }}

    where is_case_holding
        and team in ('NORTH', 'SOUTH', 'EAST', 'WEST')
        and is_filled
        and caseload is not null

),

{{ scorecard_indicator_rows('area_team_caseloads', subject='post_id', numerator='caseload') }}
