{#-
    dbt's `relationships` test within one local authority: every non-blank value of the column must exist
    in `field` of `to` for the same la_code (a child id is only unique within the authority that issued it).
    Returns the rows' la_code and value that have no match.

        - name: child_id
          data_tests:
            - relationships_within_la:
                arguments:
                  to: ref('stg_case_system__children')
                  field: child_id
-#}
{% test relationships_within_la(model, column_name, to, field, la_column='la_code') %}

{#- A warning, not an error: a child whose own row was quarantined leaves orphans that the quarantine
    report already names; the build goes on and the check shows the count. -#}
{{ config(severity='warn') }}

with

referencing_rows as (

    select
        {{ la_column }} as la_code,
        {{ column_name }} as key_value

    from {{ model }}

    where {{ column_name }} is not null

),

referenced_rows as (

    select distinct
        {{ la_column }} as la_code,
        {{ field }} as key_value

    from {{ to }}

),

unmatched as (

    select referencing_rows.*

    from referencing_rows

    left join referenced_rows
        on referencing_rows.la_code = referenced_rows.la_code
        and referencing_rows.key_value = referenced_rows.key_value

    where referenced_rows.key_value is null

)

select * from unmatched

{% endtest %}
