{#- Types and hints the two engines spell differently. Text is `string` everywhere (DuckDB reads it
    as varchar). -#}

{#- A timestamp with its time zone. -#}
{% macro type_timestamptz() -%}
    {{ return(adapter.dispatch('type_timestamptz', 'envwh')()) }}
{%- endmacro %}

{% macro default__type_timestamptz() -%}
timestamptz
{%- endmacro %}

{#- Spark's timestamp is an instant shown in the session's time zone (UTC in profiles.yml). -#}
{% macro spark__type_timestamptz() -%}
timestamp
{%- endmacro %}

{#- `name as {{ materialized_cte() }} (...)`: DuckDB computes a CTE read several times once; Spark has no
    such hint (it plans each reader on its own). -#}
{% macro materialized_cte() -%}
    {{ return(adapter.dispatch('materialized_cte', 'envwh')()) }}
{%- endmacro %}

{% macro default__materialized_cte() -%}
materialized
{%- endmacro %}

{% macro spark__materialized_cte() -%}
{%- endmacro %}
