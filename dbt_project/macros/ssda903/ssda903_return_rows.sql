{#-
    The rows of a 903 mart: the rows the warehouse derived (the CTE `derived`, from the table's intermediate
    model) and the rows of returns made before (the CTE `submitted`, from its staging view), each marked with
    where it came from in return_source. `columns` are the DfE table's columns after la_code and
    collection_year, in DfE's order; both CTEs must have them, with the same types.

        final as (
            {{ ssda903_return_rows(['child', 'dob', 'missing', 'mis_start', 'mis_end']) }}
        )
-#}
{% macro ssda903_return_rows(columns) -%}
    {%- for return_source in ['derived', 'submitted'] %}
    select
        la_code,
        collection_year,
        {%- for column in columns %}
        {{ column }},
        {%- endfor %}
        '{{ return_source }}' as return_source

    from {{ return_source }}
    {%- if not loop.last %}

    union all
    {% endif -%}
    {%- endfor %}
{%- endmacro %}
