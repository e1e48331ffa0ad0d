{#- The checks of the generic test column_checks (data-tests/generic/test_column_checks.sql): a list of
    {column, name, condition}, the condition true on a failing row
    (an expression's condition: the expression is false). others: the test has checks of other kinds. -#}
{% macro column_check_conditions(model, not_null, accepted_values, not_negative, expressions=[], others=false) %}
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
    {%- for expression in expressions -%}
        {%- do checks.append({'column': expression | trim, 'name': 'expression_is_true',
                              'condition': 'not (' ~ expression ~ ')'}) -%}
    {%- endfor -%}
    {%- if not checks and not others -%}
        {{ exceptions.raise_compiler_error('column_checks on ' ~ model ~ ' names no column') }}
    {%- endif -%}
    {{ return(checks) }}
{% endmacro %}

{#- Every check of a column_checks test, in the order the test runs them: the row-level checks (not_null,
    accepted_values, not_negative, expressions), then unique, relationships and unique_combinations, each a
    {column, name, condition, scope} (relationships: {column, name, to, field, scope}; a unique check's
    condition selects the rows it groups), scope the rows it reads in an incremental build ('' for every row:
    refresh_scope_of_check). -#}
{% macro column_checks_parts(model, not_null, accepted_values, not_negative, unique, expressions, relationships,
                             unique_combinations) %}
    {%- if relationships is not mapping or unique is string or unique_combinations is string -%}
        {{ exceptions.raise_compiler_error('column_checks on ' ~ model ~ ': relationships is not a mapping, '
                                           ~ 'or unique or unique_combinations not a list') }}
    {%- endif -%}
    {%- set parts = column_check_conditions(model, not_null, accepted_values, not_negative, expressions,
                                            unique or relationships or unique_combinations) -%}
    {%- set row_scope = refresh_scope_of_check(model, 'column_checks') if parts else '' -%}
    {%- for part in parts -%}
        {%- do part.update({'scope': row_scope}) -%}
    {%- endfor -%}
    {%- for key in unique -%}
        {%- do parts.append({'column': key, 'name': 'unique', 'condition': key ~ ' is not null',
                             'scope': refresh_scope_of_check(model, 'unique', key)}) -%}
    {%- endfor -%}
    {%- for column, parent in relationships.items() -%}
        {%- do parts.append({'column': column, 'name': 'relationships', 'to': parent.to, 'field': parent.field,
                             'scope': refresh_scope_of_check(model, 'relationships', none, parent.to)}) -%}
    {%- endfor -%}
    {%- for combination in unique_combinations -%}
        {%- do parts.append({'column': combination.columns | join(', '), 'name': 'unique_combination_of_columns',
                             'columns': combination.columns, 'condition': combination.get('where') or 'true',
                             'scope': refresh_scope_of_check(model, 'unique_combination_of_columns',
                                                             combination.columns)}) -%}
    {%- endfor -%}
    {{ return(parts) }}
{% endmacro %}
