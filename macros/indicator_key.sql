{#- The form a subject and a synonym are compared in (the Python mirror is loaders/evaluate.indicator_key):
    lower case, and the three words for a share read as one (比率 / 占比 -> 比例: 水质优良比率 = 水质优良比例). -#}
{% macro indicator_key(expression) %}
replace(replace(lower({{ expression }}), '比率', '比例'), '占比', '比例')
{%- endmacro %}
