{#- The family a unit is compared in when a measure is matched to an indicator (Python mirror:
    loaders/evaluate.unit_family): a land area is one quantity whether written in 亩 or in 平方公里 / 公顷, so
    治理水土流失110万亩 is the indicator measured in km2 (the measure keeps its own unit; links and rankings
    compare like units only). -#}
{% macro unit_family(expression) %}
case when {{ expression }} in ('km2', 'mu') then 'land_area' else {{ expression }} end
{%- endmacro %}
