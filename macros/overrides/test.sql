{#- dbt's test materialization, on DuckDB without the transaction around a test's one query (issue 12).

    dbt runs a data test's query inside a transaction it opens (BEGIN) and, the test writing nothing, rolls back
    (ROLLBACK): three statements for one select, each ~15-20 ms of dbt's Python, for ~40 tests per refresh. A
    select needs no transaction (DuckDB runs it in one of its own), so this runs the same query, with dbt's
    fail_calc, warn_if and error_if, alone. A test storing its failures (--store-failures) writes a table and takes
    dbt's materialization unchanged; so do other adapters (Spark). -#}
{%- materialization test, adapter="duckdb" -%}
    {%- if should_store_failures() -%}
        {{ return(dbt.materialization_test_default()) }}
    {%- endif -%}
    {%- set sql_header = config.get('sql_header') if flags.REQUIRE_SQL_HEADER_IN_TEST_CONFIGS else none -%}
    {% call statement('main', fetch_result=True, auto_begin=False) -%}
        {% if sql_header %}{{ sql_header }}{% endif %}
        {{ get_test_sql(get_limit_subquery_sql(sql, config.get('limit')), config.get('fail_calc'),
                        config.get('warn_if'), config.get('error_if'), limit=none) }}
    {%- endcall %}
    {{ return({'relations': []}) }}
{%- endmaterialization -%}
