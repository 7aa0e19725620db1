{#- The area teams are the authority's children in care teams that hold cases by where the child lives (its
    configuration file's teams with no `holds`); the disability, UASC and care leavers teams are not among them. -#}

with

area_teams as (

    select team from {{ source('reference', 'teams') }}

    where coalesce(holds, '') = ''

),

area_team_caseloads as (

    select * from {{ ref('int_scorecard__social_work_posts') }}

    where is_case_holding
        and team in (select team from area_teams)
        and is_filled
        and caseload is not null

),

{{ scorecard_indicator_rows('area_team_caseloads', subject='post_id', numerator='caseload') }}
