-- Links of strategy 3 (of 3), link_method plan_report_similar: a plan's target and a report's outcome
-- (two documents) left unlinked by strategies 1 and 2, that pass link_compatible, and whose normalised
-- subjects share a run of var('link_min_common_chars') (4) characters covering
-- var('link_min_common_share') (60%) of the LONGER subject (longest common substring, LCS): across
-- documents a shared head noun (处理能力, 绿色工厂) says too little, both subjects must be mostly the
-- same words; and when the shared run ends both subjects, they must not each have a qualifier of their
-- own before it (非化石能源装机占比 / 清洁能源装机占比: two indicators). Each side keeps its best
-- partner (mutual_best): longest LCS, then the latest report, then measure ids.
-- Key 'subject:<target's normalised subject>|<unit>'.
-- Candidate pairs must share a run of link_min_common_chars characters, so they are found by joining
-- those runs instead of comparing every target with every outcome.
-- Incremental (issue 12): a link pairs measures of one region, so only the refresh scope (every document of
-- the regions touched) is linked again; see macros/incremental_refresh.sql.
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_refresh_scope(['target_document_id', 'outcome_document_id']) }}") }}
with candidates as (
    select * from {{ ref('int_measures_link_candidates') }}
    where {{ in_refresh_scope() }}
),

task_links as (
    select * from {{ ref('int_targets_outcomes_linked_within_task') }}
    where {{ in_refresh_scope(['target_document_id']) }}
),

unlinked as {{ materialized_cte() }} (
    select candidates.*
    from candidates
    left join task_links as as_target
        on candidates.measure_id = as_target.target_measure_id
    left join task_links as as_outcome
        on candidates.measure_id = as_outcome.outcome_measure_id
    where as_target.target_measure_id is null
        and as_outcome.outcome_measure_id is null
        and length(candidates.subject_norm) >= {{ var('link_min_common_chars') }}
        and (
            (candidates.kind = 'target' and candidates.doc_type = 'plan')
            or (candidates.kind = 'outcome' and candidates.doc_type = 'report')
        )
),

runs as {{ materialized_cte() }} (
    select distinct
        measure_id,
        kind,
        region_code,
        year,
        unit,
        substring(subject_norm, start_position, {{ var('link_min_common_chars') }}) as run
    from (
        select
            *,
            {{ unnest_list(integer_range(1, "length(subject_norm) - " ~ var('link_min_common_chars') ~ " + 2")) }}
                as start_position
        from unlinked
    ) as unlinked_starts
),

sharing_a_run as (
    select distinct
        target_runs.measure_id as target_measure_id,
        outcome_runs.measure_id as outcome_measure_id
    from runs as target_runs
    inner join runs as outcome_runs
        on target_runs.region_code = outcome_runs.region_code
            and target_runs.year = outcome_runs.year
            and target_runs.unit = outcome_runs.unit
            and target_runs.run = outcome_runs.run
    where target_runs.kind = 'target'
        and outcome_runs.kind = 'outcome'
),

pairs as {{ materialized_cte() }} (
    select
        targets.measure_id as target_measure_id,
        outcomes.measure_id as outcome_measure_id,
        targets.document_id as target_document_id,
        outcomes.document_id as outcome_document_id,
        'subject:' || targets.subject_norm || '|' || targets.unit as link_key,
        targets.subject_norm as target_subject,
        outcomes.subject_norm as outcome_subject,
        greatest(length(targets.subject_norm), length(outcomes.subject_norm)) as longer_subject_chars,
        outcomes.published_on as outcome_published_on
    from sharing_a_run
    inner join unlinked as targets
        on sharing_a_run.target_measure_id = targets.measure_id
    inner join unlinked as outcomes
        on sharing_a_run.outcome_measure_id = outcomes.measure_id
    where targets.doc_type = 'plan'
        and outcomes.doc_type = 'report'
        and targets.document_id <> outcomes.document_id
        and {{ link_compatible('targets', 'outcomes') }}
),

string_pairs as (
    select distinct
        target_subject,
        outcome_subject
    from pairs
),

string_similarity as (
    select
        target_subject,
        outcome_subject,
        {{ longest_common_substring('target_subject', 'outcome_subject') }} as common_chars
    from string_pairs
),

measured as (
    select
        pairs.*,
        string_similarity.common_chars
    from pairs
    inner join string_similarity
        on pairs.target_subject = string_similarity.target_subject
            and pairs.outcome_subject = string_similarity.outcome_subject
),

final as (
    select
        target_measure_id,
        outcome_measure_id,
        link_key,
        'subject' as link_type,
        'plan_report_similar' as link_method,
        common_chars,
        target_document_id,
        outcome_document_id
    from measured
    where common_chars >= {{ var('link_min_common_chars') }}
        and common_chars >= {{ var('link_min_common_share') }} * longer_subject_chars
        and not (
            length(target_subject) > common_chars
            and length(outcome_subject) > common_chars
            and substring(target_subject, length(target_subject) - common_chars + 1, common_chars)
            = substring(outcome_subject, length(outcome_subject) - common_chars + 1, common_chars)
        )
    qualify {{ mutual_best(
        'common_chars desc, outcome_published_on desc nulls last, outcome_measure_id asc',
        'common_chars desc, target_measure_id asc'
    ) }}
)

select * from final
