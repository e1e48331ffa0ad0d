{#- The ordinal name of the Five-Year Plan a year belongs to: the 14th covers 2021-2025,
    and plans follow each other every five years (the 10th covered 2001-2005). -#}
{% macro five_year_plan_number(year) -%}
    (14 + floor(({{ year }} - 2021) / 5))::integer
{%- endmacro %}

{% macro ordinal(n) -%}
    ({{ n }})::varchar || case
        when ({{ n }}) % 100 in (11, 12, 13) then 'th'
        when ({{ n }}) % 10 = 1 then 'st'
        when ({{ n }}) % 10 = 2 then 'nd'
        when ({{ n }}) % 10 = 3 then 'rd'
        else 'th'
    end
{%- endmacro %}
