{#- The checks of the generic test column_checks (data-tests/generic/test_column_checks.sql): a list of
    {column, name, condition}, the condition true on a failing row. -#}
{% macro column_check_conditions(model, not_null, accepted_values, not_negative) %}
    {%- set checks = [] -%}
    {%- for column in not_null -%}
        {%- do checks.append({'column': column, 'name': 'not_null', 'condition': column ~ ' is null'}) -%}
    {%- endfor -%}
    {%- for column, values in accepted_values.items() -%}
        {%- if values is string or values is mapping -%}
            {{ exceptions.raise_compiler_error('column_checks: the accepted values of ' ~ column
                                               ~ ' are not a list: ' ~ values) }}
        {%- endif -%}
        {%- set literals = [] -%}
        {%- for value in values -%}
            {%- do literals.append("'" ~ value | replace("'", "''") ~ "'" if value is string else value | string) -%}
        {%- endfor -%}
        {%- do checks.append({'column': column, 'name': 'accepted_values',
                              'condition': column ~ ' not in (' ~ literals | join(', ') ~ ')'}) -%}
    {%- endfor -%}
    {%- for column in not_negative -%}
        {%- do checks.append({'column': column, 'name': 'not_negative', 'condition': column ~ ' < 0'}) -%}
    {%- endfor -%}
    {%- if not checks -%}
        {{ exceptions.raise_compiler_error('column_checks on ' ~ model ~ ' names no column') }}
    {%- endif -%}
    {{ return(checks) }}
{% endmacro %}
