{#- The raw sources per engine. The loaders write each raw table as Parquet files <table>*.parquet (a row
    table's base and deltas, loaders/writing.py) into ENVWH_RAW_DIR (default $PWD/data/raw). DuckDB reads it where the source's meta.external_location says
    (dbt-duckdb, models/staging/_raw__sources.yml). Spark has no such setting: before each run
    (on-run-start) every source of `raw` becomes a view over its Parquet files (the same glob), so that source('raw', x)
    and the source tests name an ordinary table. -#}
{% macro register_raw_sources() %}
    {{ return(adapter.dispatch('register_raw_sources', 'envwh')()) }}
{% endmacro %}

{% macro default__register_raw_sources() %}
    {{ return('') }}
{% endmacro %}

{% macro spark__register_raw_sources() %}
    {%- if execute -%}
        {%- set raw_dir = env_var('ENVWH_RAW_DIR', env_var('PWD', '.') ~ '/data/raw') -%}
        {%- set sources = graph.sources.values() | selectattr('source_name', 'equalto', 'raw') | list -%}
        {%- if sources -%}
            {%- do run_query('create database if not exists ' ~ sources[0].schema) -%}
        {%- endif -%}
        {%- for node in sources -%}
            {%- do run_query(
                'create or replace view ' ~ node.schema ~ '.' ~ node.identifier
                ~ ' as select * from parquet.`' ~ raw_dir ~ '/' ~ node.identifier ~ '*.parquet`'
            ) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return('') }}
{% endmacro %}
