{#- Regular expressions. DuckDB uses RE2, Spark Java's java.util.regex; the patterns of this project
    mean the same in both. Spark also unescapes backslashes in string literals ('\s' reads as 's'), so
    every pattern with a backslash goes through regex(). -#}

{% macro regex(pattern) -%}
    {{ return(adapter.dispatch('regex', 'envwh')(pattern)) }}
{%- endmacro %}

{% macro default__regex(pattern) -%}
'{{ pattern }}'
{%- endmacro %}

{% macro spark__regex(pattern) -%}
'{{ pattern | replace("\\", "\\\\") }}'
{%- endmacro %}

{#- True when the whole of expr matches pattern (a pattern without anchors). -#}
{% macro regexp_full_match(expr, pattern) -%}
    {{ return(adapter.dispatch('regexp_full_match', 'envwh')(expr, pattern)) }}
{%- endmacro %}

{% macro default__regexp_full_match(expr, pattern) -%}
regexp_full_match({{ expr }}, {{ default__regex(pattern) }})
{%- endmacro %}

{% macro spark__regexp_full_match(expr, pattern) -%}
({{ expr }} rlike {{ spark__regex('^(?:' ~ pattern ~ ')$') }})
{%- endmacro %}

{#- Every match of pattern in expr replaced (DuckDB replaces only the first without the 'g' flag; Spark's
    fourth argument is a position, not flags). -#}
{% macro regexp_replace_all(expr, pattern, replacement) -%}
    {{ return(adapter.dispatch('regexp_replace_all', 'envwh')(expr, pattern, replacement)) }}
{%- endmacro %}

{% macro default__regexp_replace_all(expr, pattern, replacement) -%}
regexp_replace({{ expr }}, {{ default__regex(pattern) }}, '{{ replacement }}', 'g')
{%- endmacro %}

{% macro spark__regexp_replace_all(expr, pattern, replacement) -%}
regexp_replace({{ expr }}, {{ spark__regex(pattern) }}, '{{ replacement }}')
{%- endmacro %}

{#- True when pattern matches somewhere in expr (DuckDB regexp_matches, Spark rlike). -#}
{% macro regexp_contains(expr, pattern) -%}
    {{ return(adapter.dispatch('regexp_contains', 'envwh')(expr, pattern)) }}
{%- endmacro %}

{% macro default__regexp_contains(expr, pattern) -%}
regexp_matches({{ expr }}, {{ default__regex(pattern) }})
{%- endmacro %}

{% macro spark__regexp_contains(expr, pattern) -%}
({{ expr }} rlike {{ spark__regex(pattern) }})
{%- endmacro %}
