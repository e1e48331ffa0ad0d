-- A target linked to an outcome of the same region and year. Three ways, tried in this order; a
-- measure takes part in at most one link.
--
--   indicator / subject_exact: the preferred target and the preferred outcome of one link key
--     ('indicator:<code>', or 'subject:<normalised subject>|<unit>'; see int_measures_resolved).
--   task_similar: one document, one task (task_path), same unit, change flag and year, and the
--     subjects agree: the longest common substring (LCS) of the normalised subjects has at least
--     var('link_min_common_chars') (4) characters or covers var('link_min_common_share') (60%) of
--     the shorter subject; or one side's clause (the words around its number) restates the other's
--     subject: their LCS has at least 4 characters and covers 60% of that subject (this rescues a
--     badly cut subject; clause against clause is not used, clauses share generic words).
--     Within one task the report restates its plan, so one sign is enough.
--     Key 'task:<document_id>:<task_path>'.
--   plan_report_similar: a plan's target and a report's outcome (other documents), same region,
--     year, unit and change flag, whose normalised subjects share at least 4 characters AND 60% of
--     the LONGER subject: across documents a shared head noun (处理能力, 绿色工厂) says too little,
--     both subjects must be mostly the same words. Key 'subject:<target's normalised subject>|<unit>'.
--
-- Similarity candidates: measures whose link key did not link already, and of a keyed measure only
-- the preferred one (so an indicator never gets two rows of one region and year). Two sides matched
-- to different indicators never pair. A candidate pair is kept when each side is the other's best
-- (mutual best): longest common substring, then that of the subjects, then nearest in the text
-- (same document) or latest report, then measure ids.
-- CTEs read more than once are materialized: DuckDB would otherwise compute them once per reader.
-- The longest common substring is computed once per distinct pair of strings (string_pairs), not once
-- per pair of measures: documents repeat their phrasing from year to year and region to region, and
-- the substring search is the costly part of this model.
with measures as (
    -- attainment is about environmental promises: GDP or jobs figures are never linked
    select * from {{ ref('int_measures_resolved') }}
    where is_environmental
),

keyed as (
    select * from measures
    where is_preferred
),

keyed_links as (
    select
        targets.measure_id as target_measure_id,
        outcomes.measure_id as outcome_measure_id,
        targets.link_key,
        case when targets.indicator_code is null then 'subject' else 'indicator' end as link_type,
        case when targets.indicator_code is null then 'subject_exact' else 'indicator' end as link_method,
        cast(null as integer) as common_chars
    from keyed as targets
    inner join keyed as outcomes
        on targets.region_code = outcomes.region_code
            and targets.year = outcomes.year
            and targets.link_key = outcomes.link_key
    where targets.kind = 'target'
        and outcomes.kind = 'outcome'
),

linked_keys as (
    select distinct
        measures.region_code,
        measures.year,
        measures.link_key
    from keyed_links
    inner join measures
        on keyed_links.target_measure_id = measures.measure_id
),

candidates as {{ materialized_cte() }} (
    select measures.*
    from measures
    left join linked_keys
        on measures.region_code = linked_keys.region_code
            and measures.year = linked_keys.year
            and measures.link_key = linked_keys.link_key
    where measures.region_code is not null
        and measures.year is not null
        and linked_keys.link_key is null
        and (measures.link_key is null or measures.is_preferred)
),

task_candidates as {{ materialized_cte() }} (
    select
        targets.measure_id as target_measure_id,
        outcomes.measure_id as outcome_measure_id,
        'task:' || targets.document_id || ':' || targets.task_path as link_key,
        targets.subject_norm as target_subject,
        outcomes.subject_norm as outcome_subject,
        targets.clause_norm as target_clause,
        outcomes.clause_norm as outcome_clause,
        length(targets.subject_norm) as target_subject_chars,
        length(outcomes.subject_norm) as outcome_subject_chars,
        abs(targets.char_start - outcomes.char_start) as distance
    from candidates as targets
    inner join candidates as outcomes
        on targets.document_id = outcomes.document_id
            and targets.task_path = outcomes.task_path
            and targets.year = outcomes.year
            and targets.unit = outcomes.unit
            and targets.is_change = outcomes.is_change
    where targets.kind = 'target'
        and outcomes.kind = 'outcome'
        and targets.task_path <> ''
        and coalesce(targets.indicator_code = outcomes.indicator_code, true)
),

task_string_pairs as (
    select
        target_subject as a,
        outcome_subject as b
    from task_candidates
    union
    select
        target_subject as a,
        outcome_clause as b
    from task_candidates
    union
    select
        outcome_subject as a,
        target_clause as b
    from task_candidates
),

task_string_similarity as {{ materialized_cte() }} (
    select
        a,
        b,
        {{ longest_common_substring('a', 'b') }} as common_chars
    from task_string_pairs
),

task_pairs as (
    select
        task_candidates.*,
        subjects.common_chars as subject_common,
        target_restated.common_chars as target_restated,
        outcome_restated.common_chars as outcome_restated
    from task_candidates
    inner join task_string_similarity as subjects
        on task_candidates.target_subject = subjects.a
            and task_candidates.outcome_subject = subjects.b
    inner join task_string_similarity as target_restated
        on task_candidates.target_subject = target_restated.a
            and task_candidates.outcome_clause = target_restated.b
    inner join task_string_similarity as outcome_restated
        on task_candidates.outcome_subject = outcome_restated.a
            and task_candidates.target_clause = outcome_restated.b
),

task_agreeing as (
    select
        *,
        greatest(subject_common, target_restated, outcome_restated) as common_chars
    from task_pairs
    where subject_common >= {{ var('link_min_common_chars') }}
        or (
            subject_common > 0
            and subject_common
            >= {{ var('link_min_common_share') }} * least(target_subject_chars, outcome_subject_chars)
        )
        or (
            target_restated >= {{ var('link_min_common_chars') }}
            and target_restated >= {{ var('link_min_common_share') }} * target_subject_chars
        )
        or (
            outcome_restated >= {{ var('link_min_common_chars') }}
            and outcome_restated >= {{ var('link_min_common_share') }} * outcome_subject_chars
        )
),

task_links as {{ materialized_cte() }} (
    select
        target_measure_id,
        outcome_measure_id,
        link_key,
        'task' as link_type,
        'task_similar' as link_method,
        common_chars
    from task_agreeing
    qualify
        row_number() over (
            partition by target_measure_id
            order by common_chars desc, subject_common desc, distance asc, outcome_measure_id asc
        ) = 1
        and row_number() over (
            partition by outcome_measure_id
            order by common_chars desc, subject_common desc, distance asc, target_measure_id asc
        ) = 1
),

-- Across documents only measures left over by the task links; a pair must share a run of
-- link_min_common_chars characters, so candidate pairs are found by joining those runs.
unpaired as {{ materialized_cte() }} (
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
        is_change,
        substring(subject_norm, start_position, {{ var('link_min_common_chars') }}) as run
    from (
        select
            *,
            {{ unnest_list(integer_range(1, "length(subject_norm) - " ~ var('link_min_common_chars') ~ " + 2")) }}
                as start_position
        from unpaired
    ) as unpaired_starts
),

shared_runs as (
    select distinct
        target_runs.measure_id as target_measure_id,
        outcome_runs.measure_id as outcome_measure_id
    from runs as target_runs
    inner join runs as outcome_runs
        on target_runs.region_code = outcome_runs.region_code
            and target_runs.year = outcome_runs.year
            and target_runs.unit = outcome_runs.unit
            and target_runs.is_change = outcome_runs.is_change
            and target_runs.run = outcome_runs.run
    where target_runs.kind = 'target'
        and outcome_runs.kind = 'outcome'
),

document_candidates as {{ materialized_cte() }} (
    select
        targets.measure_id as target_measure_id,
        outcomes.measure_id as outcome_measure_id,
        'subject:' || targets.subject_norm || '|' || targets.unit as link_key,
        targets.subject_norm as target_subject,
        outcomes.subject_norm as outcome_subject,
        greatest(length(targets.subject_norm), length(outcomes.subject_norm)) as longer_subject,
        outcomes.published_on as outcome_published_on
    from shared_runs
    inner join unpaired as targets
        on shared_runs.target_measure_id = targets.measure_id
    inner join unpaired as outcomes
        on shared_runs.outcome_measure_id = outcomes.measure_id
    where targets.kind = 'target'
        and targets.doc_type = 'plan'
        and outcomes.kind = 'outcome'
        and outcomes.doc_type = 'report'
        and targets.document_id <> outcomes.document_id
        and targets.region_code = outcomes.region_code
        and targets.year = outcomes.year
        and targets.unit = outcomes.unit
        and targets.is_change = outcomes.is_change
        and coalesce(targets.indicator_code = outcomes.indicator_code, true)
),

document_string_pairs as (
    select distinct
        target_subject as a,
        outcome_subject as b
    from document_candidates
),

document_string_similarity as (
    select
        a,
        b,
        {{ longest_common_substring('a', 'b') }} as common_chars
    from document_string_pairs
),

document_pairs as (
    select
        document_candidates.*,
        document_string_similarity.common_chars
    from document_candidates
    inner join document_string_similarity
        on document_candidates.target_subject = document_string_similarity.a
            and document_candidates.outcome_subject = document_string_similarity.b
),

document_links as (
    select
        target_measure_id,
        outcome_measure_id,
        link_key,
        'subject' as link_type,
        'plan_report_similar' as link_method,
        common_chars
    from document_pairs
    where common_chars >= {{ var('link_min_common_chars') }}
        and common_chars >= {{ var('link_min_common_share') }} * longer_subject
    qualify
        row_number() over (
            partition by target_measure_id
            order by common_chars desc, outcome_published_on desc nulls last, outcome_measure_id asc
        ) = 1
        and row_number() over (
            partition by outcome_measure_id
            order by common_chars desc, target_measure_id asc
        ) = 1
),

links as (
    select * from keyed_links
    union all
    select * from task_links
    union all
    select * from document_links
),

final as (
    select
        links.target_measure_id || '~' || links.outcome_measure_id as link_id,
        targets.region_code,
        targets.year,
        links.link_key,
        links.link_type,
        links.link_method,
        links.common_chars,
        coalesce(targets.indicator_code, outcomes.indicator_code) as indicator_code,
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
