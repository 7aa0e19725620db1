{#-
    Every non-blank value of the column is a code in the named SSDA903 code list (seeds/ssda903_codes.csv,
    in any collection year: whether a code is valid for a given year is a statutory check, made on the
    903 marts). Returns each unknown value with the number of rows holding it.

        - name: legal_status_code
          data_tests:
            - accepted_ssda903_codes:
                arguments:
                  code_list: LS
-#}
{% test accepted_ssda903_codes(model, column_name, code_list) %}

with

valid_codes as (

    select distinct code

    from {{ ref('stg_reference__ssda903_codes') }}

    where code_list = '{{ code_list }}'

),

recorded_values as (

    select
        {{ column_name }} as value_field,
        count(*) as n_records

    from {{ model }}

    where {{ column_name }} is not null

    group by {{ column_name }}

),

unknown_values as (

    select recorded_values.*

    from recorded_values

    left join valid_codes
        on recorded_values.value_field = valid_codes.code

    where valid_codes.code is null

)

select * from unknown_values

{% endtest %}
