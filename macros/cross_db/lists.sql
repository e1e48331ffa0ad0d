{#- Lists (DuckDB) and arrays (Spark). -#}

{#- A string cut at every occurrence of delimiter (taken literally, not as a pattern). -#}
{% macro split_string(expr, delimiter) -%}
    {{ return(adapter.dispatch('split_string', 'envwh')(expr, delimiter)) }}
{%- endmacro %}

{% macro default__split_string(expr, delimiter) -%}
string_split({{ expr }}, '{{ delimiter }}')
{%- endmacro %}

{% macro spark__split_string(expr, delimiter) -%}
split({{ expr }}, '\\Q{{ delimiter }}\\E')
{%- endmacro %}

{#- The strings of a list joined with separator. -#}
{% macro join_strings(list, separator) -%}
    {{ return(adapter.dispatch('join_strings', 'envwh')(list, separator)) }}
{%- endmacro %}

{% macro default__join_strings(list, separator) -%}
array_to_string({{ list }}, '{{ separator }}')
{%- endmacro %}

{% macro spark__join_strings(list, separator) -%}
array_join({{ list }}, '{{ separator }}')
{%- endmacro %}

{#- One row per element (in a select list, alone: Spark allows no generator inside an expression). -#}
{% macro unnest_list(list) -%}
    {{ return(adapter.dispatch('unnest_list', 'envwh')(list)) }}
{%- endmacro %}

{% macro default__unnest_list(list) -%}
unnest({{ list }})
{%- endmacro %}

{% macro spark__unnest_list(list) -%}
explode({{ list }})
{%- endmacro %}

{#- The integers start, start + 1, ..., stop - 1 as a list; empty when stop <= start. -#}
{% macro integer_range(start, stop) -%}
    {{ return(adapter.dispatch('integer_range', 'envwh')(start, stop)) }}
{%- endmacro %}

{% macro default__integer_range(start, stop) -%}
range({{ start }}, {{ stop }})
{%- endmacro %}

{#- sequence(1, 0) counts down to [1, 0]: the filter keeps the range empty instead. -#}
{% macro spark__integer_range(start, stop) -%}
filter(sequence({{ start }}, greatest({{ start }}, ({{ stop }}) - 1)), i -> i < ({{ stop }}))
{%- endmacro %}

{#- An empty list of strings. -#}
{% macro empty_string_list() -%}
    {{ return(adapter.dispatch('empty_string_list', 'envwh')()) }}
{%- endmacro %}

{% macro default__empty_string_list() -%}
cast([] as varchar[])
{%- endmacro %}

{% macro spark__empty_string_list() -%}
cast(array() as array<string>)
{%- endmacro %}

{#- Length of the longest common substring of two strings (0 when either is empty): every substring
    of `a` is tried against `b`. Subjects and clauses are short, so this stays cheap. -#}
{% macro longest_common_substring(a, b) -%}
    {{ return(adapter.dispatch('longest_common_substring', 'envwh')(a, b)) }}
{%- endmacro %}

{% macro default__longest_common_substring(a, b) %}
coalesce(
    list_max(
        list_transform(
            flatten(
                list_transform(
                    range(1, length({{ a }}) + 1),
                    i -> list_transform(range(1, length({{ a }}) - i + 2), n -> substring({{ a }}, i, n))
                )
            ),
            s -> case when contains({{ b }}, s) then length(s) else 0 end
        )
    ),
    0
)
{% endmacro %}

{% macro spark__longest_common_substring(a, b) %}
case when length({{ a }}) > 0 then coalesce(
    array_max(
        transform(
            flatten(
                transform(
                    sequence(1, length({{ a }})),
                    i -> transform(sequence(1, length({{ a }}) - i + 1), n -> substring({{ a }}, i, n))
                )
            ),
            s -> case when contains({{ b }}, s) then length(s) else 0 end
        )
    ),
    0
) else 0 end
{% endmacro %}

{#- The values of a group joined with separator in ascending order (an aggregate; nulls left out). -#}
{% macro ordered_string_agg(expr, separator) -%}
    {{ return(adapter.dispatch('ordered_string_agg', 'envwh')(expr, separator)) }}
{%- endmacro %}

{% macro default__ordered_string_agg(expr, separator) -%}
string_agg({{ expr }}, '{{ separator }}' order by {{ expr }})
{%- endmacro %}

{% macro spark__ordered_string_agg(expr, separator) -%}
array_join(array_sort(collect_list({{ expr }})), '{{ separator }}')
{%- endmacro %}

{#- True when the list holds the value. -#}
{% macro list_contains(list, value) -%}
    {{ return(adapter.dispatch('list_contains', 'envwh')(list, value)) }}
{%- endmacro %}

{% macro default__list_contains(list, value) -%}
list_contains({{ list }}, {{ value }})
{%- endmacro %}

{% macro spark__list_contains(list, value) -%}
array_contains({{ list }}, {{ value }})
{%- endmacro %}
