{#- Helpers shared by the scorecard models (intermediate/scorecard, marts/scorecard). -#}

{#- The scorecard's indicator models, one per indicator (models/intermediate/scorecard/indicators/). The marts
    union these. Kept as a list, not discovered from `graph`, so that every ref() is seen when dbt parses the
    marts (lineage and run order are right, and partial parsing cannot miss a new model); the marts check at
    run time that this list and the folder agree, and fail naming any model left out. Add a new indicator's
    model here. -#}
{% macro scorecard_indicator_models() -%}
    {{ return([
        'int_scorecard__c01_reviews_on_time',
        'int_scorecard__c02_review_participation',
        'int_scorecard__c03_same_social_worker',
        'int_scorecard__c04_rate_per_10000',
        'int_scorecard__c05_child_protection_plans',
        'int_scorecard__c06_other_la_children',
        'int_scorecard__c07_returned_within_24_months',
        'int_scorecard__c08_youth_justice_outcomes',
        'int_scorecard__c09_first_time_entrants',
        'int_scorecard__c10_three_social_workers',
        'int_scorecard__e01_fixed_term_exclusions',
        'int_scorecard__e02_persistent_absence',
        'int_scorecard__e06_ks4_english_and_maths',
        'int_scorecard__e07_permanent_exclusions',
        'int_scorecard__e08_fixed_term_exclusions_count',
        'int_scorecard__e10_part_time_timetables',
        'int_scorecard__e11_ehc_plans',
        'int_scorecard__e12_ehc_plans_12_months',
        'int_scorecard__e13_peps_out_of_timescale',
        'int_scorecard__e14_not_in_education',
        'int_scorecard__e15_school_moves',
        'int_scorecard__h01_health_assessments',
        'int_scorecard__h02_dental_checks',
        'int_scorecard__h03_iha_referrals',
        'int_scorecard__h04_iha_completed',
        'int_scorecard__h05_substance_misuse',
        'int_scorecard__h06_sdq_average_score',
        'int_scorecard__h07_immunisations',
        'int_scorecard__p01_three_placements',
        'int_scorecard__p02_same_placement_2_years',
        'int_scorecard__p03_in_house_foster_care',
        'int_scorecard__p04_foster_within_20_miles',
        'int_scorecard__p05_foster_within_10_miles',
        'int_scorecard__p06_residential_placements',
        'int_scorecard__p07_placed_out_of_area',
        'int_scorecard__p08_missing_over_48_hours',
        'int_scorecard__p09_return_interviews',
        'int_scorecard__p10_three_placements_2_years',
        'int_scorecard__a02_days_care_to_adoptive_family',
        'int_scorecard__a03_days_placement_order_to_match',
        'int_scorecard__a04_left_care_adopted',
        'int_scorecard__a07_days_decision_to_placement_order',
        'int_scorecard__a08_matched_within_6_months',
        'int_scorecard__a09_placed_within_12_months',
        'int_scorecard__a10_placed_within_14_months',
        'int_scorecard__a12_awaiting_adoption',
        'int_scorecard__a13_adopted_aged_5_or_over',
        'int_scorecard__a14_adopted_minority_ethnic',
        'int_scorecard__a15_adopted_disabled',
        'int_scorecard__a16_left_care_special_guardianship',
        'int_scorecard__a17_adoption_plan_changed',
        'int_scorecard__l01_suitable_accommodation',
        'int_scorecard__l02_in_education_employment_training',
        'int_scorecard__l03_in_touch',
        'int_scorecard__l04_suitable_accommodation_17_18',
        'int_scorecard__l05_in_education_employment_training_17_18',
        'int_scorecard__l06_in_touch_17_18',
        'int_scorecard__s01_agency_staff',
        'int_scorecard__s02_permanent_qualified_staff',
        'int_scorecard__s03_caseloads_cic_teams',
    ]) }}
{%- endmacro %}

{#- The indicator id a model is for: int_scorecard__p01_three_placements -> P01. -#}
{% macro scorecard_indicator_id(model_name) -%}
    {{ return(model_name.split('__')[1].split('_')[0] | upper) }}
{%- endmacro %}

{#- Fails the build when the list above and the indicators folder disagree (run time only: `graph` is complete
    then). -#}
{% macro check_scorecard_indicator_models() -%}
    {%- if execute -%}
        {%- set in_folder = [] -%}
        {%- for node in graph.nodes.values() -%}
            {%- if node.resource_type == 'model'
                and node.original_file_path.replace('\\', '/').startswith('models/intermediate/scorecard/indicators/') -%}
                {%- do in_folder.append(node.name) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- set listed = scorecard_indicator_models() -%}
        {%- set unlisted = in_folder | reject('in', listed) | list -%}
        {%- set missing = listed | reject('in', in_folder) | list -%}
        {%- if unlisted or missing -%}
            {{ exceptions.raise_compiler_error(
                'macros/scorecard.sql scorecard_indicator_models() and models/intermediate/scorecard/indicators/ '
                ~ 'disagree: not listed ' ~ unlisted ~ '; listed but not found ' ~ missing
            ) }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{#- Age in completed years on a date; someone born on 29 February attains an age on 1 March in other years. -#}
{% macro completed_years(date_of_birth, on_date) -%}
    (extract(year from {{ on_date }}) - extract(year from {{ date_of_birth }})
        - case
            when extract(month from {{ on_date }}) * 100 + extract(day from {{ on_date }})
                < extract(month from {{ date_of_birth }}) * 100 + extract(day from {{ date_of_birth }})
            then 1 else 0
        end)
{%- endmacro %}

{#- DfE's age bands for children looked after. -#}
{% macro scorecard_age_band(age) -%}
    case
        when {{ age }} is null then 'Not known'
        when {{ age }} < 1 then 'under 1'
        when {{ age }} < 5 then '1-4'
        when {{ age }} < 10 then '5-9'
        when {{ age }} < 16 then '10-15'
        else '16+'
    end
{%- endmacro %}

{#- DfE's ethnicity groups from a 903 ETHNIC code (Chinese is in DfE's "Other ethnic group"). -#}
{% macro scorecard_ethnicity_group(ethnicity_code) -%}
    case
        when {{ ethnicity_code }} in ('WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM') then 'White'
        when {{ ethnicity_code }} in ('MWBC', 'MWBA', 'MWAS', 'MOTH') then 'Mixed'
        when {{ ethnicity_code }} in ('AIND', 'APKN', 'ABAN', 'AOTH') then 'Asian'
        when {{ ethnicity_code }} in ('BCRB', 'BAFR', 'BOTH') then 'Black'
        when {{ ethnicity_code }} in ('CHNE', 'OOTH') then 'Other'
        else 'Not known'
    end
{%- endmacro %}
