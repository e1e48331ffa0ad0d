-- A target linked to an outcome of the same region and year, each measure in at most one link. Three
-- strategies, each its own model, tried in this order (a later one only sees what the earlier left):
--   1. int_targets_outcomes_linked_by_key: same indicator, or same normalised subject and unit;
--   2. int_targets_outcomes_linked_within_task: one task of one document, agreeing words;
--   3. int_targets_outcomes_linked_across_documents: a plan's target and a report's outcome with
--      mostly the same subject.
-- Every strategy applies the same compatibility rules (macro link_compatible: region, year and
-- period, unit, change flag, indicator, never a figure and its own baseline).
-- Incremental (issue 12): re-builds only the refresh scope, see macros/incremental_refresh.sql.
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_refresh_scope(['target_document_id', 'outcome_document_id']) }}") }}
with links as (
    select * from {{ ref('int_targets_outcomes_linked_by_key') }}
    where {{ in_refresh_scope(['target_document_id', 'outcome_document_id']) }}
    union all
    select * from {{ ref('int_targets_outcomes_linked_within_task') }}
    where {{ in_refresh_scope(['target_document_id', 'outcome_document_id']) }}
    union all
    select * from {{ ref('int_targets_outcomes_linked_across_documents') }}
    where {{ in_refresh_scope(['target_document_id', 'outcome_document_id']) }}
),

measures as (
    select * from {{ ref('int_measures_resolved') }}
),

final as (
    select
        links.target_measure_id || '~' || links.outcome_measure_id as link_id,
        targets.region_code,
        targets.year,
        -- a target in words has no period of its own: the outcome answering it says which (link_compatible)
        coalesce(targets.period, outcomes.period) as period,
        links.link_key,
        links.link_type,
        links.link_method,
        links.common_chars,
        -- a link by exact subject names no indicator (a second table row of one indicator links so)
        case
            when links.link_method <> 'subject_exact' then coalesce(targets.indicator_code, outcomes.indicator_code)
        end as indicator_code,
        targets.subject_zh as target_subject_zh,
        outcomes.subject_zh as outcome_subject_zh,
        targets.unit,
        targets.domain_code,
        targets.measure_id as target_measure_id,
        targets.document_id as target_document_id,
        targets.comparator as target_comparator,
        targets.value as target_value,
        targets.is_masked as target_is_masked,
        targets.is_change as target_is_change,
        targets.sentence as target_sentence,
        outcomes.measure_id as outcome_measure_id,
        outcomes.document_id as outcome_document_id,
        outcomes.comparator as outcome_comparator,
        outcomes.value as outcome_value,
        outcomes.is_masked as outcome_is_masked,
        outcomes.is_change as outcome_is_change,
        outcomes.sentence as outcome_sentence
    from links
    inner join measures as targets
        on links.target_measure_id = targets.measure_id
    inner join measures as outcomes
        on links.outcome_measure_id = outcomes.measure_id
)

select * from final
