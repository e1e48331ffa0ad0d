{#- Models land in exactly the schema their folder names (staging, intermediate, marts), not
    <target>_<custom> as dbt does by default: BI tools and analysts read `marts` by name. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
