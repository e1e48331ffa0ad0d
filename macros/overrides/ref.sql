{#- ref() without the database part: views then read "staging.stg_x", not "warehouse.staging.stg_x".
    DuckDB names a database file's catalog after the file (or the alias a BI tool attaches it under),
    so a view naming the build's catalog breaks once the file is copied, renamed or attached under
    another name; an unqualified name binds within the view's own catalog. -#}
{% macro ref() %}
    {%- set relation = builtins.ref(*varargs, **kwargs) -%}
    {%- if relation.include is defined -%}
        {{ return(relation.include(database=False)) }}
    {%- endif -%}
    {{ return(relation) }}
{% endmacro %}
