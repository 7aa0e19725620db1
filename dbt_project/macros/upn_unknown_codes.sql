{#-
    DfE's UPN unknown codes: what a UPN column holds for a child without a Unique Pupil Number, each saying
    why (UN1 not of school age, UN2 never at a maintained school in England, UN3 educated outside England,
    UN4 newly looked after, UN5 sources disagree). They link nothing: the Virtual School keys its rows by UPN.

        where upn not in {{ upn_unknown_codes() }}
-#}
{% macro upn_unknown_codes() -%}
    ('UN1', 'UN2', 'UN3', 'UN4', 'UN5')
{%- endmacro %}
