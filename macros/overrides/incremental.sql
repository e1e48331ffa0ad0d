{#- dbt-duckdb's incremental materialization, with one shorter path: an append of an incremental refresh (issue 12).

    dbt-duckdb appends by creating a temporary table of the model's rows, describing it and the target
    (on_schema_change, column types), checking the contract (two more describes) and inserting from the temporary
    table: about eight statements around the one insert, each ~15-20 ms of dbt's Python. An incremental refresh
    (ENVWH_BUILD_MODE=incremental, set by loaders/publish.py) runs only when the models, macros, seeds and versions
    are those of the published build (publish.build_fingerprint), so the schema is the published table's; this path
    inserts the model's select into the table at once, and the same statement first checks the schema: the
    table's columns (names and types) must be the select's, else it fails as on_schema_change='fail' would
    (error 'schema of ... changed'; tests/test_incremental_build.py). Pre- and post-hooks, the transaction and the
    result are the adapter's. A full build, a first build, a --full-refresh, a model of another strategy or
    with a unique_key, a Python model, or a plain `dbt build` take dbt-duckdb's materialization unchanged. DuckDB only:
    other adapters (Spark) keep their own. -#}
{% materialization incremental, adapter="duckdb", supported_languages=['sql', 'python'] -%}
    {%- set existing_relation = load_cached_relation(this) -%}
    {%- set fast = model['language'] == 'sql'
                   and env_var('ENVWH_BUILD_MODE', 'full') == 'incremental'
                   and existing_relation is not none and not existing_relation.is_view
                   and not should_full_refresh()
                   and (config.get('incremental_strategy') or 'append') == 'append'
                   and not config.get('unique_key')
                   and config.get('on_schema_change') == 'fail' -%}
    {%- if not fast -%}
        {{ return(dbt.materialization_incremental_duckdb()) }}
    {%- endif -%}
    {%- set target_relation = this.incorporate(type='table') -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {% call statement("main") %}
        {{ append_checking_schema(target_relation, compiled_code) }}
    {% endcall %}

    {% do persist_docs(target_relation, model) %}
    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {% do adapter.commit() %}
    {{ run_hooks(post_hooks, inside_transaction=False) }}
    {{ return({'relations': [target_relation]}) }}
{%- endmaterialization %}

{#- One call of two statements: fail when the table's columns are not the select's (names and types; the insert is
    by name), then insert the select. -#}
{% macro append_checking_schema(target_relation, sql) -%}
    select error('schema of {{ target_relation }} changed: the table has ' || table_columns
                 || ', the model selects ' || model_columns || ' (a full build re-creates it: envwh build --full)')
    from (
        select
            (select string_agg(column_name || ' ' || data_type, ', ' order by column_name)
             from duckdb_columns()
             where database_name = '{{ target_relation.database }}' and schema_name = '{{ target_relation.schema }}'
                 and table_name = '{{ target_relation.identifier }}') as table_columns,
            (select string_agg(column_name || ' ' || column_type, ', ' order by column_name)
             from (describe (
{{ sql }}
             ))) as model_columns
    )
    where table_columns is distinct from model_columns;
    insert into {{ target_relation }} by name (
{{ sql }}
    )
{%- endmacro %}
