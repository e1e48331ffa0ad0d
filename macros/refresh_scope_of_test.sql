{#- Which rows a data test reads in an incremental build: see macros/overrides/get_where_subquery.sql. -#}

{#- The condition that limits the running test to the refresh scope, or '' when it must read every row. -#}
{% macro refresh_scope_of_test(relation) -%}
    {%- set metadata = model.get('test_metadata') or {} -%}
    {{ return(refresh_scope_of_check(relation, metadata.get('name'), (metadata.get('kwargs') or {}).get('column_name'))) }}
{%- endmacro %}

{#- The same for one check of the running test: test_name is the kind of check (dbt's test of the same name: a
    row-level check, unique of the column key, relationships to the parents the test names), so one test node
    (column_checks) can scope each of its checks as the separate test would be. -#}
{% macro refresh_scope_of_check(relation, test_name, key=none, parent=none) -%}
    {%- set row_level_tests = ['column_checks', 'not_null', 'accepted_values', 'not_negative', 'expression_is_true'] -%}
    {%- set relationship_tests = ['relationships', 'relationships_checks'] -%}
    {#- read only while running: dbt's parser never records the variable, so a change of mode keeps the
        parsed project (publish.dbt_state_dir) -#}
    {%- if not execute or env_var('ENVWH_BUILD_MODE', 'full') != 'incremental' -%}
        {{ return('') }}
    {%- endif -%}
    {%- set tested = graph.nodes.get(model.get('attached_node') or '') -%}
    {%- set changes = graph.nodes.get('model.' ~ project_name ~ '.int_documents_changed') -%}
    {#- a model not built from int_documents_changed (staging) may be tested before it is re-built: the scope
        would be the previous build's -#}
    {#- only an incremental model keeps the published build's rows outside the scope: a table re-built whole
        (a ranking across regions) or a view may change any row -#}
    {%- if test_name not in row_level_tests + ['unique', 'unique_combination_of_columns'] + relationship_tests
          or tested is none or changes is none or 'document_id' not in tested.get('columns', {})
          or (test_name in ['unique', 'unique_combination_of_columns'] and not key)
          or (tested.get('config') or {}).get('materialized') != 'incremental'
          or not is_ancestor_of(changes.unique_id, tested) -%}
        {{ return('') }}
    {%- endif -%}
    {#- a relationship judges each row alone only when its parent is the published build's, unchanged: a parent
        this build re-builds (from the raw tables) may have lost the value of a row outside the scope -#}
    {#- parent: the relation of one relationship check of a column_checks test, whose parents are those of all its
        checks; that check's own parent is judged alone (else every parent of the test, as a lone relationships test) -#}
    {%- if test_name in relationship_tests -%}
        {%- set parents = (model.get('depends_on') or {}).get('nodes', []) -%}
        {%- set named = [] -%}
        {%- for node_id in parents if parent is not none and node_id in graph.nodes -%}
            {%- if graph.nodes[node_id].get('alias') == parent.identifier
                  and graph.nodes[node_id].get('schema') == parent.schema -%}
                {%- do named.append(node_id) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- for node_id in (named or parents) if node_id != tested.unique_id -%}
            {%- if node_id.startswith('source.') or is_built_from_sources(graph.nodes.get(node_id) or {}) -%}
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
    {%- if test_name == 'unique_combination_of_columns' -%}
        {#- key: the list of columns. The rows whose combination is one of those of the rows this build may have
            changed: every row of the refresh scope's documents, not only those re-built per document, since a
            post-hook updates rows of the unchanged documents of the regions touched (int_measures_resolved's rank:
            rank_refresh_scope_again, fct_*'s is_preferred). A duplicate has a row of those (the other rows are the
            published build's, which passed); the check joins them on every column of `key`, a null equal to a null
            as in its `group by` (data-tests/generic/test_column_checks.sql): a semi join, half the CPU of the whole
            table's `group by` at 10 000 documents, where a correlated `exists` cost twice. -#}
        {{ return("document_id is null or document_id in (select document_id from " ~ scope_table
                  ~ " where in_refresh_scope)") }}
    {%- endif -%}
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
