{#- A hash of a whole row of a relation alias (int_documents_changed fingerprints raw rows with it). -#}
{% macro row_hash(alias) -%}
    {{ return(adapter.dispatch('row_hash', 'envwh')(alias)) }}
{%- endmacro %}

{% macro default__row_hash(alias) -%}
hash({{ alias }})
{%- endmacro %}

{#- Spark hashes a row through the star expansion of its alias. -#}
{% macro spark__row_hash(alias) -%}
hash({{ alias }}.*)
{%- endmacro %}
