{#- The relation a generic data test reads (dbt's own macro, which applies the test's `where` config), and in
    an incremental build (ENVWH_BUILD_MODE=incremental, set by loaders/publish.py) only the rows of the refresh
    scope for the tests that judge each row alone (row_level_tests: column_checks and dbt's not_null, ...) on a
    model with a document_id; for `unique` only the rows whose key is a key of the scope's rows. The scope of a
    model re-built per document (delete_refresh_scope(per_document=true)) is its documents that are not unchanged.

    Why this is safe: an incremental model re-builds every row of the scope (macros/incremental_refresh.sql) and
    leaves the others as the published build made and tested them (tests/test_incremental_build.py: incremental
    = full, row for row): a duplicate key among them would have failed the published build, so a duplicate now
    has a row of the scope. So only tests of incremental models are scoped (a table re-built whole, such as a
    ranking across regions, or a view may change any row), and only of those built from int_documents_changed:
    they run after it is re-built; a test of any other model (staging) may run before, so it reads every row.
    A relationship (relationships, relationships_checks) is scoped only when none of the parents it names is
    re-built by this build (seeds, models of seeds alone): the other rows and their parents are then both the
    published build's, which passed. Other tests across rows (shares_sum_to_one; dbt_utils-style
    unique_combination_of_columns as a test of its own: a filter cannot express its scope, which column_checks'
    combinations get by a semi join), relationships to re-built parents and tests of models without a
    document_id read the whole table. A row with a null document_id is always read: not_null must see it. In a full build nothing is
    filtered. -#}
{% macro get_where_subquery(relation) -%}
    {%- set conditions = [] -%}
    {%- set where = config.get('where', '') -%}
    {%- if where -%}
        {%- do conditions.append(where) -%}
    {%- endif -%}
    {#- column_checks scopes each of its checks itself (refresh_scope_of_check) -#}
    {%- set scope = '' if (model.get('test_metadata') or {}).get('name') == 'column_checks'
                    else refresh_scope_of_test(relation) -%}
    {%- if scope -%}
        {%- do conditions.append(scope) -%}
    {%- endif -%}
    {%- if conditions -%}
        {%- set filtered -%}
            (select * from {{ relation }} where ({{ conditions | join(') and (') }})) dbt_subquery
        {%- endset -%}
        {{ return(filtered) }}
    {%- endif -%}
    {{ return(relation) }}
{%- endmacro %}

{#- refresh_scope_of_test, refresh_scope_of_check: macros/refresh_scope_of_test.sql (outside overrides/, so
    sqlfluff's templater knows them: data-tests/generic/test_column_checks.sql calls refresh_scope_of_check). -#}
