{#- Incremental refresh (issue 12).

    An incremental build starts from a copy of the published warehouse (loaders/publish.py) and re-builds
    only the rows a changed document can move. int_documents_changed compares a fingerprint of every
    document's raw rows with the one stored by the previous build: a document is new, changed (renamed, or
    its rows differ), removed or unchanged. The refresh scope is then
      - the documents that are not unchanged, and
      - every region (old or new region_code) of such a document: facts of one region depend on each other
        (is_preferred ranks the measures of a region and year; the linker pairs targets and outcomes within
        a region), so a region touched is re-built whole (int_measures_resolved and the measure facts re-build
        the documents that are not unchanged and rank the regions touched again in a post-hook:
        macros/preference_rank.sql).
    int_documents_changed marks every document of the scope (in_refresh_scope: itself changed, or in a region
    touched), so the scope is a set of document_ids. A model whose rows of a document depend on that document's
    raw rows and the seeds alone (its texts, its tasks, the indicator of each measure, ...) narrows the scope to
    the documents that are not unchanged (per_document=true): the others' rows would come out the same, so at
    10 000 documents it re-builds the 10 new ones instead of the ~1 200 of their regions. An incremental model deletes the rows of the scope
    (pre-hook delete_refresh_scope) and inserts the rows of the scope computed afresh (`where
    {{ in_refresh_scope() }}` on its sources, so only the scope is computed, and on its final select); in a
    full build both are no-ops and the model is built whole. A change to the models, seeds or loader version forces a full
    build (publish.build_fingerprint). tests/test_incremental.py checks incremental = full, row for row. -#}

{#- Options of an incremental model: `{{ config(**refresh_incremental(...)) }}` is not possible in dbt, so
    models write the config block themselves:
      {{ config(materialized='incremental', incremental_strategy='append',
                pre_hook="{{ delete_refresh_scope() }}") }} -#}

{#- Rows of the refresh scope: their document (any of document_columns) is in int_documents_changed's scope, or
    with per_document=true is itself not unchanged. Usable on a model's sources (fast: only the scope is
    computed) and on its final select. -#}
{% macro in_refresh_scope(document_columns=['document_id'], per_document=false) -%}
    {#- a unit test gives its model only the inputs it lists (and is never incremental) -#}
    {%- set changes = none if in_unit_test() else ref('int_documents_changed') -%}  {#- outside the if: dbt sees the dependency -#}
    {%- if refresh_is_incremental() -%}
        ({%- for column in document_columns %}
        {{ column }} in (select document_id from {{ changes }} where
            {{- " status <> 'unchanged'" if per_document else ' in_refresh_scope' }})
        {%- if not loop.last %} or {% endif -%}
        {%- endfor %})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- Whether this build of the model is incremental (is_incremental()), a unit test never (it is a full build; dbt
    would ask each unit test of a model naming is_incremental for an override). -#}
{% macro refresh_is_incremental() -%}
    {{ return(not in_unit_test() and is_incremental()) }}
{%- endmacro %}

{#- Whether the model is compiled for one of its unit tests. -#}
{% macro in_unit_test() -%}
    {{ return(model is mapping and model.get('resource_type') == 'unit_test') }}
{%- endmacro %}

{% macro delete_refresh_scope(document_columns=['document_id'], per_document=false) -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where {{ in_refresh_scope(document_columns, per_document) }}
    {%- else -%}
        select 1  {#- a hook must be a statement #}
    {%- endif -%}
{%- endmacro %}

{#- int_documents_changed's own table as the previous build left it (in the copy of the published warehouse),
    or an empty one in a full build. Read before dbt replaces the table: the new version is built aside. -#}
{% macro previous_build_of_this() -%}
    {%- set previous = adapter.get_relation(this.database, this.schema, this.identifier)
        if adapter is defined and execute else none -%}
    {%- if previous is not none and not flags.FULL_REFRESH -%}
        {{ previous }}
    {%- else -%}
        (
            select
                cast(null as string) as document_id,
                cast(null as string) as status,
                cast(null as string) as region_code,
                cast(null as string) as fingerprint
            where false
        )
    {%- endif -%}
{%- endmacro %}
