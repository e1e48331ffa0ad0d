{#
    The stretch of `text` from `from_offset` to `to_offset` with the span [start, end) wrapped in
    `open` and `close`. All offsets are 0-based and end-exclusive, like every offset in the marts
    (DuckDB's substring is 1-based, hence the + 1). Analysts can call it in their own SQL:
      {{ highlight_span('t.text', 'm.char_start', 'm.char_end', 'm.sentence_start', 'm.sentence_end') }}
#}
{% macro highlight_span(text, start, end, from_offset, to_offset, open="'【'", close="'】'") -%}
    substring({{ text }}, {{ from_offset }} + 1, {{ start }} - {{ from_offset }})
    || {{ open }}
    || substring({{ text }}, {{ start }} + 1, {{ end }} - {{ start }})
    || {{ close }}
    || substring({{ text }}, {{ end }} + 1, {{ to_offset }} - {{ end }})
{%- endmacro %}
