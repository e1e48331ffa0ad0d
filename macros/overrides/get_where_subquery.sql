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
    published build's, which passed. Other tests across rows (shares_sum_to_one; unique_combination_of_columns,
    whose scoped form, a correlated `exists` on every column, cost twice the whole table's `group by` at 10 000
    documents), relationships to re-built parents and tests of models without a document_id read the whole
    table. A row with a null document_id is always read: not_null must see it. In a full build nothing is
    filtered. -#}
{% macro get_where_subquery(relation) -%}
    {%- set conditions = [] -%}
    {%- set where = config.get('where', '') -%}
    {%- if where -%}
        {%- do conditions.append(where) -%}
    {%- endif -%}
    {%- set scope = refresh_scope_of_test(relation) -%}
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

{#- The condition that limits the running test to the refresh scope, or '' when it must read every row. -#}
{% macro refresh_scope_of_test(relation) -%}
    {%- set row_level_tests = ['column_checks', 'not_null', 'accepted_values', 'not_negative', 'expression_is_true'] -%}
    {%- set relationship_tests = ['relationships', 'relationships_checks'] -%}
    {#- read only while running: dbt's parser never records the variable, so a change of mode keeps the
        parsed project (publish.dbt_state_dir) -#}
    {%- if not execute or env_var('ENVWH_BUILD_MODE', 'full') != 'incremental' -%}
        {{ return('') }}
    {%- endif -%}
    {%- set test_name = (model.get('test_metadata') or {}).get('name') -%}
    {%- set tested = graph.nodes.get(model.get('attached_node') or '') -%}
    {%- set changes = graph.nodes.get('model.' ~ project_name ~ '.int_documents_changed') -%}
    {%- set key = ((model.get('test_metadata') or {}).get('kwargs') or {}).get('column_name') -%}
    {#- a model not built from int_documents_changed (staging) may be tested before it is re-built: the scope
        would be the previous build's -#}
    {#- only an incremental model keeps the published build's rows outside the scope: a table re-built whole
        (a ranking across regions) or a view may change any row -#}
    {%- if test_name not in row_level_tests + ['unique'] + relationship_tests or tested is none or changes is none
          or 'document_id' not in tested.get('columns', {}) or (test_name == 'unique' and not key)
          or (tested.get('config') or {}).get('materialized') != 'incremental'
          or not is_ancestor_of(changes.unique_id, tested) -%}
        {{ return('') }}
    {%- endif -%}
    {#- a relationship judges each row alone only when its parent is the published build's, unchanged: a parent
        this build re-builds (from the raw tables) may have lost the value of a row outside the scope -#}
    {%- if test_name in relationship_tests -%}
        {%- for parent in (model.get('depends_on') or {}).get('nodes', []) if parent != tested.unique_id -%}
            {%- if parent.startswith('source.') or is_built_from_sources(graph.nodes.get(parent) or {}) -%}
                {{ return('') }}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {#- by name, not ref(): a ref() that only runs while executing would be a dependency dbt cannot see -#}
    {%- set scope_table = api.Relation.create(schema=changes.schema, identifier=changes.alias) -%}
    {#- the rows the model re-built are those its pre-hook deleted: a model re-built per document (its rows of a
        document are that document's alone: delete_refresh_scope(per_document=true)) re-builds only the documents
        that are not unchanged, and keeps the published build's rows of the other documents of the regions touched -#}
    {%- set per_document = namespace(found=false) -%}
    {%- for hook in (tested.get('config') or {}).get('pre-hook') or [] -%}
        {%- if 'delete_refresh_scope(per_document=true)' in (hook.get('sql') if hook is mapping else hook) -%}
            {%- set per_document.found = true -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set rows_of_scope = "document_id is null or document_id in (select document_id from " ~ scope_table
                            ~ (" where status <> 'unchanged')" if per_document.found else " where in_refresh_scope)") -%}
    {%- if test_name == 'unique' -%}
        {#- the rows holding a key of the scope's rows: a duplicate has at least one row of the scope, since the
            other rows were unique in the published build and are unchanged -#}
        {{ return(key ~ " in (select " ~ key ~ " from " ~ relation ~ " where " ~ rows_of_scope ~ ")") }}
    {%- endif -%}
    {{ return(rows_of_scope) }}
{%- endmacro %}

{#- Whether the node named node_id is among the nodes `node` is built from (its parents, theirs, ...). -#}
{% macro is_ancestor_of(node_id, node) -%}
    {%- for parent in (node.get('depends_on') or {}).get('nodes', []) -%}
        {%- if parent == node_id or (parent in graph.nodes and is_ancestor_of(node_id, graph.nodes[parent])) -%}
            {{ return(true) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(false) }}
{%- endmacro %}

{#- Whether `node` is built from the raw tables (a source among its ancestors): what an incremental build re-builds
    (publish.INCREMENTAL_SELECTION, `source:*+`); the others (seeds, models of seeds alone) are the published build's. -#}
{% macro is_built_from_sources(node) -%}
    {%- for parent in (node.get('depends_on') or {}).get('nodes', []) -%}
        {%- if parent.startswith('source.') or (parent in graph.nodes and is_built_from_sources(graph.nodes[parent])) -%}
            {{ return(true) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(false) }}
{%- endmacro %}
