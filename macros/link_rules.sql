{#- Rules shared by the three link strategies (int_targets_outcomes_linked_by_key, _within_task,
    _across_documents). `targets` and `outcomes` are aliases of int_measures_resolved rows. -#}

{#- A target and an outcome that may answer each other: same region, same year (a period figure's year
    is its end year) and the same period (an annual figure never meets a five-year one; period is
    null for an annual figure), same unit and change flag, indicators that do not disagree; and never a
    figure and its own baseline: two numbers of one sentence ("由35降至30"), or a plan's base-year
    value (an outcome quoted in a plan) and a target of that plan. -#}
{% macro link_compatible(targets, outcomes) %}
(
    {{ targets }}.kind = 'target'
    and {{ outcomes }}.kind = 'outcome'
    and {{ targets }}.region_code = {{ outcomes }}.region_code
    and {{ targets }}.year = {{ outcomes }}.year
    and {{ targets }}.period is not distinct from {{ outcomes }}.period
    and {{ targets }}.unit = {{ outcomes }}.unit
    and {{ targets }}.is_change = {{ outcomes }}.is_change
    and coalesce({{ targets }}.indicator_code = {{ outcomes }}.indicator_code, true)
    and not coalesce(
        {{ targets }}.document_id = {{ outcomes }}.document_id
        and {{ targets }}.sentence_start = {{ outcomes }}.sentence_start,
        false
    )
    and not coalesce(
        {{ targets }}.document_id = {{ outcomes }}.document_id
        and {{ outcomes }}.doc_type = 'plan',
        false
    )
)
{% endmacro %}

{#- Keeps a candidate pair (one row per target_measure_id, outcome_measure_id) only when each side is
    the other's best: first by `target_order` among the pairs of its target, and first by
    `outcome_order` among the pairs of its outcome. Use after `qualify`. Each order must end with a
    measure id so that ties are broken the same way on every run. -#}
{% macro mutual_best(target_order, outcome_order) %}
row_number() over (partition by target_measure_id order by {{ target_order }}) = 1
and row_number() over (partition by outcome_measure_id order by {{ outcome_order }}) = 1
{% endmacro %}
