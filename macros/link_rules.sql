{#- Rules shared by the three link strategies (int_targets_outcomes_linked_by_key, _within_task,
    _across_documents). `targets` and `outcomes` are aliases of int_measures_resolved rows. -#}

{#- A target and an outcome that may answer each other: both environmental (attainment is about
    environmental promises: a GDP or jobs figure is never linked; unknown counts as environmental, as in
    staging), same region, same year (a period figure's year
    is its end year) and the same period (an annual figure never meets a five-year one; period is
    null for an annual figure; a target in words has none of its own), same unit and change flag, indicators that do not disagree; and never a
    figure and its own baseline:
    - two numbers of one sentence ("由35降至30"), unless both are cells of a table, whose row holds a
      target and its actual side by side (their column years tell them apart);
    - a target and an outcome of one government work report: it reviews last year (outcomes) and plans
      this year (targets), so they never answer each other, whatever year a sentence was given;
    - two figures of a five-year plan's prose: its review restates the last plan's target beside its
      actual (banned above, one sentence); an outcome of another sentence is of another scope (two cities'
      target against nine cities' average);
    - a five-year plan's target of work done and another document's annual outcome (a year's work
      never answers the plan's years of it: plan_work_against_a_year);
    - a plan's base-year or current value (an outcome of a plan with no year of its own, dated by the
      document) and a target of that plan. A plan's outcome dated by its own words (十三五 table: 2020
      target and 2020 actual) may answer a target of the same year;
    - within one document, a table cell and anything but a cell of its own row: a table row states a
      target and its actual side by side, so the same indicator elsewhere in the text or in another
      row (another scope, a sub-indicator, a different base) answers another question.
    A target in words ("完成国家下达目标": no value, not masked) states no figure for a number to answer:
    it links an outcome with a value only in its own table row, where the document pairs them itself
    (an outcome in words, "提前完成", may answer any target).
    Nor is a measure linked whose number the loader could not read (unreadable_number): such a link
    could not be judged, and the cell is most often two cells run together ("<1.2 96"), so its row is
    not the gold's either. -#}
{% macro link_compatible(targets, outcomes) %}
(
    {{ targets }}.kind = 'target'
    and {{ outcomes }}.kind = 'outcome'
    and coalesce({{ targets }}.is_environmental, true)
    and coalesce({{ outcomes }}.is_environmental, true)
    and {{ targets }}.region_code = {{ outcomes }}.region_code
    and {{ targets }}.year = {{ outcomes }}.year
    and (
        {{ targets }}.period is not distinct from {{ outcomes }}.period
        or {{ in_words(targets) }}
    )
    and {{ targets }}.unit = {{ outcomes }}.unit
    and {{ targets }}.is_change = {{ outcomes }}.is_change
    and coalesce({{ targets }}.indicator_code = {{ outcomes }}.indicator_code, true)
    and {{ targets }}.sub_area is not distinct from {{ outcomes }}.sub_area
    and not {{ unreadable_number(targets) }}
    and not {{ unreadable_number(outcomes) }}
    and not {{ plan_work_against_a_year(targets, outcomes) }}
    and not coalesce(
        {{ targets }}.document_id = {{ outcomes }}.document_id
        and {{ targets }}.doc_kind = 'five_year_plan'
        and {{ targets }}.table_no is null
        and {{ outcomes }}.table_no is null,
        false
    )
    and not coalesce(
        {{ in_words(targets) }}
        and {{ outcomes }}.value is not null
        and not (
            {{ targets }}.document_id = {{ outcomes }}.document_id
            and {{ targets }}.table_no = {{ outcomes }}.table_no
            and {{ targets }}.row_no = {{ outcomes }}.row_no
        ),
        false
    )
    and not coalesce(
        {{ targets }}.document_id = {{ outcomes }}.document_id
        and {{ targets }}.sentence_start = {{ outcomes }}.sentence_start
        and ({{ targets }}.table_no is null or {{ outcomes }}.table_no is null),
        false
    )
    and not coalesce(
        {{ targets }}.document_id = {{ outcomes }}.document_id
        and {{ targets }}.doc_kind = 'work_report',
        false
    )
    and not coalesce(
        {{ targets }}.document_id = {{ outcomes }}.document_id
        and {{ outcomes }}.doc_type = 'plan'
        and {{ outcomes }}.year_source = 'document',
        false
    )
    and not coalesce(
        {{ targets }}.document_id = {{ outcomes }}.document_id
        and ({{ targets }}.table_no is not null or {{ outcomes }}.table_no is not null)
        and not coalesce(
            {{ targets }}.table_no = {{ outcomes }}.table_no and {{ targets }}.row_no = {{ outcomes }}.row_no,
            false
        ),
        false
    )
)
{% endmacro %}

{#- A five-year plan's target of work done (新建污水管网500公里, 淘汰老旧车辆2万辆: its subject names a work, no
    rate or level) counts the plan's years up to its date, whether the loader gave it a period or not; an
    annual outcome of another document (a work report's year of work) never answers it. False, never null. -#}
{% macro plan_work_against_a_year(targets, outcomes) %}
coalesce(
    {{ targets }}.doc_kind = 'five_year_plan'
    and {{ targets }}.document_id <> {{ outcomes }}.document_id
    and {{ outcomes }}.period is null
    and {{ regexp_contains(targets ~ '.subject_zh', '新建|新增|建成[^区]|淘汰|改造|治理|整治|修复|造林|绿化') }}
    and not {{ regexp_contains(targets ~ '.subject_zh', '率|比例|比重|占比|指数|浓度|覆盖度') }},
    false
)
{% endmacro %}

{#- A figure in words (完成国家下达目标, 达标): no value, not masked. It states no number, so no period of its
    own either: the loader dates a five-year change by its number, and the row or report answering a target
    in words says which period it was (a 十三五 row's 28.1% decline, a report's 十四五 全部完成). -#}
{% macro in_words(measures) %}
coalesce({{ measures }}.value is null and not {{ measures }}.is_masked, false)
{% endmacro %}

{#- A measure without a value whose written value holds digits: a number the loader could not read
    ("67.2#", "<1.2 96"), not a figure in words (达标; 完成省下达的PM2.5指标: the digits of a pollutant's name
    are no number; 70条全部完成治理,通过评估: a statement in words, four Chinese characters or more, counting
    something else) nor a masked one. False, never null. -#}
{% macro unreadable_number(measures) %}
coalesce(
    {{ measures }}.value is null
    and not {{ measures }}.is_masked
    and {{ figure_digits(measures ~ '.value_text') }} <> ''
    and length({{ regexp_replace_all(measures ~ '.value_text', '[^一-龥]', '') }}) < 4,
    false
)
{% endmacro %}

{#- The digits of a written value but those of a pollutant's name (PM2.5, PM10, SO2, NO2, CO2, NH3, O3). -#}
{% macro figure_digits(value_text) %}
{{ regexp_replace_all(regexp_replace_all(value_text, '(?i)pm\s?2\.5|pm\s?10|so2|no2|co2|nh3|o3', ''), '[^0-9]', '') }}
{% endmacro %}

{#- Keeps a candidate pair (one row per target_measure_id, outcome_measure_id) only when each side is
    the other's best: first by `target_order` among the pairs of its target, and first by
    `outcome_order` among the pairs of its outcome. Use after `qualify`. Each order must end with a
    measure id so that ties are broken the same way on every run. -#}
{% macro mutual_best(target_order, outcome_order) %}
row_number() over (partition by target_measure_id order by {{ target_order }}) = 1
and row_number() over (partition by outcome_measure_id order by {{ outcome_order }}) = 1
{% endmacro %}
