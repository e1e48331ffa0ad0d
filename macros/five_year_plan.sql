{#- Five-Year Plans follow each other every five years from a known one (var five_year_plan_anchor:
    the 14th began in 2021, so the 10th covered 2001-2005). -#}
{% macro five_year_plan_number(year) -%}
    cast(
        {{ var('five_year_plan_anchor')['number'] }}
        + floor(({{ year }} - {{ var('five_year_plan_anchor')['first_year'] }}) / 5)
        as integer
    )
{%- endmacro %}

{#- The first calendar year of Five-Year Plan number `n` (its last is four years later). -#}
{% macro five_year_plan_first_year(n) -%}
    cast(
        {{ var('five_year_plan_anchor')['first_year'] }}
        + (({{ n }}) - {{ var('five_year_plan_anchor')['number'] }}) * 5
        as integer
    )
{%- endmacro %}

{% macro ordinal(n) -%}
    cast(({{ n }}) as string) || case
        when ({{ n }}) % 100 in (11, 12, 13) then 'th'
        when ({{ n }}) % 10 = 1 then 'st'
        when ({{ n }}) % 10 = 2 then 'nd'
        when ({{ n }}) % 10 = 3 then 'rd'
        else 'th'
    end
{%- endmacro %}
