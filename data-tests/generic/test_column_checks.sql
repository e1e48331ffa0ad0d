{#- The row-level checks of one model's columns in one test node (issue 12: one node instead of one per column and
    check; dbt spends ~25-50 ms of Python per node whatever the data). Same meaning as dbt's tests of the same name:
    not_null: no null; accepted_values: every non-null value is one of the column's values (a string value is
    quoted, a number is not); not_negative: no value below zero (nulls pass). It returns one row per check that
    fails, with the column, the check and its number of failing rows; an empty table passes.
    One filtered count per check, not one scan summing every check: DuckDB answers `col is null` from the
    column's validity alone (a pushed-down filter), where a sum over the rows reads every value (the texts of
    dim_document_text: 0.6 CPU s at 10 000 documents against ~0).

    data_tests:
      - column_checks:
          arguments:
            not_null: [measure_id, unit]
            accepted_values: {unit: "{{ var('units') }}", level: [1, 2]}
            not_negative: [value] -#}
{% test column_checks(model, not_null=[], accepted_values={}, not_negative=[]) %}
{%- set checks = column_check_conditions(model, not_null, accepted_values, not_negative) %}
select
    column_name,
    check_name,
    n_failing_rows
from (
    {% for check in checks %}
        select
            '{{ check.column }}' as column_name,
            '{{ check.name }}' as check_name,
            count(*) as n_failing_rows
        from {{ model }}
        where {{ check.condition }}
        having count(*) > 0
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
) as failing_checks
{% endtest %}
