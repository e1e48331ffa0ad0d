{#- sqlfluff lints models with its jinja templater, which has no dbt `adapter`: the cross-database macros
    (macros/cross_db) render here as their DuckDB implementation, the SQL the linter's dialect reads. -#}
{% macro regex(pattern) %}{{ default__regex(pattern) }}{% endmacro %}
{% macro regexp_full_match(expr, pattern) %}{{ default__regexp_full_match(expr, pattern) }}{% endmacro %}
{% macro regexp_contains(expr, pattern) %}{{ default__regexp_contains(expr, pattern) }}{% endmacro %}
{% macro regexp_replace_all(expr, pattern, replacement) %}{{ default__regexp_replace_all(expr, pattern, replacement) }}{% endmacro %}
{% macro split_string(expr, delimiter) %}{{ default__split_string(expr, delimiter) }}{% endmacro %}
{% macro join_strings(list, separator) %}{{ default__join_strings(list, separator) }}{% endmacro %}
{% macro unnest_list(list) %}{{ default__unnest_list(list) }}{% endmacro %}
{% macro integer_range(start, stop) %}{{ default__integer_range(start, stop) }}{% endmacro %}
{% macro empty_string_list() %}{{ default__empty_string_list() }}{% endmacro %}
{% macro longest_common_substring(a, b) %}{{ default__longest_common_substring(a, b) }}{% endmacro %}
{% macro type_timestamptz() %}{{ default__type_timestamptz() }}{% endmacro %}
{% macro materialized_cte() %}{{ default__materialized_cte() }}{% endmacro %}
{% macro ordered_string_agg(expr, separator) %}{{ default__ordered_string_agg(expr, separator) }}{% endmacro %}
{% macro list_contains(list, value) %}{{ default__list_contains(list, value) }}{% endmacro %}
