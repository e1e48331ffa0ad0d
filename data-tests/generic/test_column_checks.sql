{#- The row-level checks of one model's columns in one query (issue 12: one node instead of one per column and
    check; dbt spends ~50 ms of Python per node whatever the data). Same meaning as dbt's tests of the same name:
    not_null: no null; accepted_values: every non-null value is one of the column's values (a string value is
    quoted, a number is not); not_negative: no value below zero (nulls pass). It returns one row per check that
    fails, with the column, the check and its number of failing rows; an empty table passes.

    data_tests:
      - column_checks:
          arguments:
            not_null: [measure_id, unit]
            accepted_values: {unit: "{{ var('units') }}", level: [1, 2]}
            not_negative: [value] -#}
{% test column_checks(model, not_null=[], accepted_values={}, not_negative=[]) %}
    {%- set checks = column_check_conditions(model, not_null, accepted_values, not_negative) %}
with failing_rows as {{ materialized_cte() }} (
    select
    {%- for check in checks %}
        sum(case when {{ check.condition }} then 1 else 0 end) as check_{{ loop.index }}
        {{- ',' if not loop.last }}
    {%- endfor %}
    from {{ model }}
)

{% for check in checks %}
    select
        '{{ check.column }}' as column_name,
        '{{ check.name }}' as check_name,
        check_{{ loop.index }} as n_failing_rows
    from failing_rows
    where check_{{ loop.index }} > 0
    {% if not loop.last %}union all{% endif %}
{% endfor %}
{% endtest %}
