{#- Text helpers for linking a target to an outcome by what they are about (int_targets_outcomes_linked). -#}

{#- A subject or clause reduced to the words that name the work: lower case, without years (2023年),
    numbers, masking marks (略), punctuation, spaces and a leading scope word (全省, 我市 ... from
    var('subject_scope_prefixes')), so that "2023年全省新建污水管网" and "新建污水管网" agree. -#}
{% macro normalised_subject(expr) %}
regexp_replace(
    {{ regexp_replace_all(
        regexp_replace_all("lower(coalesce(" ~ expr ~ ", ''))", '[0-9]{4}年[底末度]?|略', ''),
        '[0-9.%‰\\s\\pP\\pS]', ''
    ) }},
    '^({{ var("subject_scope_prefixes") | join("|") }})', ''
)
{% endmacro %}

{#- The list item of `sentence` that holds the character at 0-based `position`: the text between the
    nearest clause breaks or 、 on either side (loaders/breaks.py: LIST_ITEM_BREAKS; tests/test_breaks.py
    proves the two agree). -#}
{% macro clause_at(sentence, position) %}
(
    regexp_extract(substring({{ sentence }}, 1, {{ position }}), '[^，,；;：:。！？!?、\n]*$', 0)
    || regexp_extract(substring({{ sentence }}, {{ position }} + 1), '^[^，,；;：:。！？!?、\n]*', 0)
)
{% endmacro %}
