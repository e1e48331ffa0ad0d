{#- Incremental refresh (issue 12).

    An incremental build starts from a copy of the published warehouse (loaders/publish.py) and re-builds
    only the rows a changed document can move. int_documents_changed compares a fingerprint of every
    document's raw rows with the one stored by the previous build: a document is new, changed (renamed, or
    its rows differ), removed or unchanged. The refresh scope is then
      - the documents that are not unchanged, and
      - every region (old or new region_code) of such a document: facts of one region depend on each other
        (is_preferred ranks the measures of a region and year; the linker pairs targets and outcomes within
        a region), so a region touched is re-built whole.
    An incremental model deletes the rows of the scope (pre-hook delete_refresh_scope) and inserts the rows
    of the scope computed afresh (`where {{ in_refresh_scope() }}` on its final select); in a full build both
    are no-ops and the model is built whole. A change to the models, seeds or loader version forces a full
    build (publish.build_fingerprint). tests/test_incremental.py checks incremental = full, row for row. -#}

{#- Options of an incremental model: `{{ config(**refresh_incremental(...)) }}` is not possible in dbt, so
    models write the config block themselves:
      {{ config(materialized='incremental', incremental_strategy='append',
                pre_hook="{{ delete_refresh_scope() }}") }} -#}

{% macro in_refresh_scope(document_columns=['document_id'], region_column='region_code') -%}
    {#- a unit test is always a full build and gives its model only the inputs it lists -#}
    {%- set in_unit_test = model is mapping and model.get('resource_type') == 'unit_test' -%}
    {%- set changes = none if in_unit_test else ref('int_documents_changed') -%}  {#- outside the if: dbt sees the dependency -#}
    {%- if not in_unit_test and is_incremental() -%}
        ({%- for column in document_columns %}
        {{ column }} in (select document_id from {{ changes }} where status <> 'unchanged') or
        {%- endfor %}
        {% if region_column -%}
        {{ region_column }} in (
            select region_code from {{ changes }} where status <> 'unchanged' and region_code is not null
            union all
            select previous_region_code from {{ changes }}
            where status <> 'unchanged' and previous_region_code is not null
        )
        {%- else -%} false {%- endif %})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{% macro delete_refresh_scope(document_columns=['document_id'], region_column='region_code') -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where {{ in_refresh_scope(document_columns, region_column) }}
    {%- else -%}
        select 1  {#- a hook must be a statement #}
    {%- endif -%}
{%- endmacro %}
