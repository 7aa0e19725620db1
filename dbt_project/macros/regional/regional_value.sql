{#-
    A figure's value from its numerator and denominator, by the indicator's unit: the scorecard's own rule
    (marts/scorecard/scorecard__indicator_months), so that a region's total, made by adding its authorities'
    numerators and denominators, is valued exactly as each authority's figure is. Cross-database SQL only.
-#}
{% macro regional_value(unit, numerator, denominator) -%}
    case
        when {{ unit }} = 'count' then {{ numerator }}
        when {{ unit }} = 'rate_per_10000'
            then case when {{ denominator }} > 0 then {{ numerator }} * 10000.0 / {{ denominator }} end
        when {{ denominator }} = 0 then null
        when {{ unit }} = 'percent' then 100.0 * {{ numerator }} / {{ denominator }}
        else 1.0 * {{ numerator }} / {{ denominator }}
    end
{%- endmacro %}
