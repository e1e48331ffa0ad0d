-- The attainment rules, checked on the built links (all strategies) independently of the macro
-- link_compatible that applies them: a link pairs an environmental target and outcome of one region,
-- one sub-area (or none) and one year, two annual figures or two figures of the same period (a target in
-- words has no period of its own: it meets an outcome of any); within one
-- document, when either is a table cell, only the two cells of one table row; no number the loader
-- could not read (no value, digits in its text but a pollutant's name, not masked, under four Chinese
-- characters: 70条全部完成治理 is a statement in words); a target in words (no
-- value, not masked) with an outcome of a value only in one table row; and never a figure with its own baseline -
-- two numbers of one sentence (but for two cells of one table row), a target and an outcome of one
-- government work report (last year reviewed, this year planned), two figures of a five-year plan's prose
-- (its review restates a past target beside its own actual), or a plan's value dated only by
-- the document (its base-year or current value) with a target of that plan.
-- Rows returned are violations.
with links as (
    select * from {{ ref('int_targets_outcomes_linked') }}
),

measures as (
    select * from {{ ref('int_measures_resolved') }}
),

paired as (
    select
        links.link_id,
        links.link_method,
        targets.kind as target_kind,
        outcomes.kind as outcome_kind,
        targets.is_environmental and outcomes.is_environmental as both_environmental,
        coalesce(targets.region_code = outcomes.region_code, false) as same_region,
        coalesce(targets.year = outcomes.year, false) as same_year,
        coalesce(targets.period = outcomes.period, targets.period is null and outcomes.period is null)
        or (targets.value is null and not targets.is_masked) as same_period,
        coalesce(targets.sub_area = outcomes.sub_area, targets.sub_area is null and outcomes.sub_area is null)
            as same_sub_area,
        coalesce(
            targets.document_id = outcomes.document_id
            and targets.table_no = outcomes.table_no
            and targets.row_no = outcomes.row_no,
            false
        ) as same_table_row,
        targets.document_id = outcomes.document_id
        and (targets.table_no is not null or outcomes.table_no is not null) as same_document_table_cell,
        (
            targets.value is null and not targets.is_masked
            and {{ figure_digits('targets.value_text') }} <> ''
            and length({{ regexp_replace_all('targets.value_text', '[^一-龥]', '') }}) < 4
        )
        or (
            outcomes.value is null and not outcomes.is_masked
            and {{ figure_digits('outcomes.value_text') }} <> ''
            and length({{ regexp_replace_all('outcomes.value_text', '[^一-龥]', '') }}) < 4
        ) as unreadable_number,
        targets.value is null and not targets.is_masked and outcomes.value is not null
            as words_target_number_outcome,
        targets.document_id = outcomes.document_id
        and targets.sentence_start = outcomes.sentence_start
        and (targets.table_no is null or outcomes.table_no is null) as same_sentence,
        targets.document_id = outcomes.document_id
        and targets.doc_kind = 'work_report' as same_work_report,
        targets.document_id = outcomes.document_id
        and targets.doc_kind = 'five_year_plan'
        and targets.table_no is null
        and outcomes.table_no is null as five_year_plan_prose,
        targets.document_id = outcomes.document_id
        and outcomes.doc_type = 'plan'
        and outcomes.year_source = 'document' as plan_baseline
    from links
    inner join measures as targets
        on links.target_measure_id = targets.measure_id
    inner join measures as outcomes
        on links.outcome_measure_id = outcomes.measure_id
),

violations as (
    select *
    from paired
    where target_kind <> 'target'
        or outcome_kind <> 'outcome'
        or not both_environmental
        or not same_region
        or not same_year
        or not same_period
        or not same_sub_area
        or (coalesce(same_document_table_cell, false) and not same_table_row)
        or coalesce(unreadable_number, false)
        or (coalesce(words_target_number_outcome, false) and not same_table_row)
        or coalesce(same_sentence, false)
        or coalesce(same_work_report, false)
        or coalesce(five_year_plan_prose, false)
        or coalesce(plan_baseline, false)
)

select * from violations
