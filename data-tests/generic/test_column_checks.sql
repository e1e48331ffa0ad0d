{#- Every data test of one model in one test node (issue 12: one node instead of one per column and check; dbt
    spends ~0.1 CPU s of Python per node whatever the data, and an incremental build runs every test). Same
    meaning as the tests of the same name:
      not_null: no null;  accepted_values: every non-null value is one of the column's values (a string value is
      quoted, a number is not);  not_negative: no value below zero (nulls pass);
      unique: no two rows with the same non-null value (dbt's `unique`);
      expressions: every row where the expression is not false (dbt_utils' `expression_is_true`: a null passes);
      relationships: every non-null value of the column is a value of `field` in the model `to` (dbt's
      `relationships`; the left join is dbt's own form: at 10 000 documents `not in` and `not exists` were slower);
      unique_combinations: no two rows with the same values of `columns` among the rows where `where` holds
      (dbt_utils' `unique_combination_of_columns`, its `where` config).
    It returns one row per check that fails, with the column (the expression, the columns), the check and its
    number of failing rows (for unique: of duplicated values); an empty table passes. A test of severity warn
    stays a test of its own.
    One filtered count per check, not one scan summing every check: DuckDB answers `col is null` from the
    column's validity alone (a pushed-down filter), where a sum over the rows reads every value (the texts of
    dim_document_text: 0.6 CPU s at 10 000 documents against ~0).
    In an incremental build each check reads the rows its own test would read (refresh_scope_of_check,
    macros/overrides/get_where_subquery.sql): the refresh scope for the row-level checks, the rows holding a key
    of the scope's rows for unique, the rows holding a combination of the scope's rows for the combinations
    (a semi join), every row for a relationship to a re-built parent.

    data_tests:
      - column_checks:
          arguments:
            not_null: [measure_id, unit]
            accepted_values: {unit: "{{ var('units') }}", level: [1, 2]}
            not_negative: [value]
            unique: [measure_id]
            expressions: ["period is null or cast(right(period, 4) as integer) = year"]
            relationships:
              region_code: {to: ref('dim_region'), field: region_code}
            unique_combinations:
              - {columns: [region_code, year, kind], where: "year is not null"} -#}
{% test column_checks(model, not_null=[], accepted_values={}, not_negative=[], unique=[], expressions=[],
                      relationships={}, unique_combinations=[]) %}
{%- set checks = column_checks_parts(model, not_null, accepted_values, not_negative, unique, expressions,
                                     relationships, unique_combinations) %}
select
    column_name,
    check_name,
    n_failing_rows
from (
    {% for check in checks %}
        {% if not loop.first %}union all{% endif %}
        {% if check.name == 'relationships' %}
            select
                '{{ check.column }}' as column_name,
                'relationships' as check_name,
                count(*) as n_failing_rows
            from (
                select {{ check.column }} as child_value
                from {{ model }}
                where {{ check.column }} is not null{% if check.scope %} and ({{ check.scope }}){% endif %}
            ) as child
            left join (select {{ check.field }} as parent_value from {{ check.to }}) as parent
                on child.child_value = parent.parent_value
            where parent.parent_value is null
            having count(*) > 0
        {% elif check.name == 'unique_combination_of_columns' and check.scope %}
            select
                '{{ check.column }}' as column_name,
                '{{ check.name }}' as check_name,
                count(*) as n_failing_rows
            from (
                select {% for column in check.columns %}checked.{{ column }}{% if not loop.last %}, {% endif %}{% endfor %}
                from (select {{ check.column }} from {{ model }} where {{ check.condition }}) as checked
                semi join (
                    select distinct {{ check.column }}
                    from {{ model }}
                    where ({{ check.condition }}) and ({{ check.scope }})
                ) as scoped
                    on {% for column in check.columns %}{% if not loop.first %} and {% endif %}checked.{{ column }} is not distinct from scoped.{{ column }}{% endfor %}
                group by {% for column in check.columns %}checked.{{ column }}{% if not loop.last %}, {% endif %}{% endfor %}
                having count(*) > 1
            ) as duplicated
            having count(*) > 0
        {% elif check.name in ['unique', 'unique_combination_of_columns'] %}
            select
                '{{ check.column }}' as column_name,
                '{{ check.name }}' as check_name,
                count(*) as n_failing_rows
            from (
                select {{ check.column }}
                from {{ model }}
                where {{ check.condition }}{% if check.scope %} and ({{ check.scope }}){% endif %}
                group by {{ check.column }}
                having count(*) > 1
            ) as duplicated
            having count(*) > 0
        {% else %}
            select
                '{{ check.column | replace("'", "''") }}' as column_name,
                '{{ check.name }}' as check_name,
                count(*) as n_failing_rows
            from {{ model }}
            where ({{ check.condition }}){% if check.scope %} and ({{ check.scope }}){% endif %}
            having count(*) > 0
        {% endif %}
    {% endfor %}
) as failing_checks
{% endtest %}
