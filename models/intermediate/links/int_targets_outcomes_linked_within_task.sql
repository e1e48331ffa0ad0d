-- Links of strategy 2 (of 3), link_method task_similar: a target and an outcome of one task of one
-- document (task_path: an item, or the parent of its 工作任务 / 完成情况 sub-items) whose words agree.
-- Within one task the report restates its plan, so one sign of agreement is enough:
--   - the subjects share a run of var('link_min_common_chars') (4) characters, or a run covering
--     var('link_min_common_share') (60%) of the shorter subject (longest common substring, LCS, of
--     the normalised subjects);
--   - or one side's clause (the words around its number) restates the other side's subject: their
--     LCS has at least 4 characters and covers 60% of that subject (this rescues a badly cut
--     subject; clause against clause is not used, clauses share generic words).
-- Both sides pass link_compatible; each side keeps its best partner (mutual_best): longest LCS, then
-- that of the subjects, then nearest in the text, then measure ids. Key 'task:<document_id>:<task_path>'.
-- The LCS is computed once per distinct pair of strings, the costly part of this model.
-- Incremental (issue 12): a link pairs measures of one region, so only the refresh scope (every document of
-- the regions touched) is linked again; see macros/incremental_refresh.sql.
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_refresh_scope(['target_document_id', 'outcome_document_id']) }}") }}
with candidates as {{ materialized_cte() }} (
    select * from {{ ref('int_measures_link_candidates') }}
    where {{ in_refresh_scope() }}
),

pairs as {{ materialized_cte() }} (
    select
        targets.measure_id as target_measure_id,
        outcomes.measure_id as outcome_measure_id,
        targets.document_id as target_document_id,
        outcomes.document_id as outcome_document_id,
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
            and {{ link_compatible('targets', 'outcomes') }}
    where targets.task_path <> ''
),

-- Every (subject, compared text) pair whose LCS a rule reads: subject against subject, and each subject
-- against the other side's clause.
string_pairs as (
    select
        target_subject as subject,
        outcome_subject as compared_text
    from pairs
    union
    select
        target_subject as subject,
        outcome_clause as compared_text
    from pairs
    union
    select
        outcome_subject as subject,
        target_clause as compared_text
    from pairs
),

string_similarity as {{ materialized_cte() }} (
    select
        subject,
        compared_text,
        {{ longest_common_substring('subject', 'compared_text') }} as common_chars
    from string_pairs
),

measured as (
    select
        pairs.*,
        subjects.common_chars as subjects_common_chars,
        target_in_outcome_clause.common_chars as target_subject_in_outcome_clause,
        outcome_in_target_clause.common_chars as outcome_subject_in_target_clause
    from pairs
    inner join string_similarity as subjects
        on pairs.target_subject = subjects.subject
            and pairs.outcome_subject = subjects.compared_text
    inner join string_similarity as target_in_outcome_clause
        on pairs.target_subject = target_in_outcome_clause.subject
            and pairs.outcome_clause = target_in_outcome_clause.compared_text
    inner join string_similarity as outcome_in_target_clause
        on pairs.outcome_subject = outcome_in_target_clause.subject
            and pairs.target_clause = outcome_in_target_clause.compared_text
),

agreeing as (
    select
        *,
        greatest(
            subjects_common_chars, target_subject_in_outcome_clause, outcome_subject_in_target_clause
        ) as common_chars
    from measured
    where subjects_common_chars >= {{ var('link_min_common_chars') }}
        or (
            subjects_common_chars > 0
            and subjects_common_chars
            >= {{ var('link_min_common_share') }} * least(target_subject_chars, outcome_subject_chars)
        )
        or (
            target_subject_in_outcome_clause >= {{ var('link_min_common_chars') }}
            and target_subject_in_outcome_clause >= {{ var('link_min_common_share') }} * target_subject_chars
        )
        or (
            outcome_subject_in_target_clause >= {{ var('link_min_common_chars') }}
            and outcome_subject_in_target_clause >= {{ var('link_min_common_share') }} * outcome_subject_chars
        )
),

final as (
    select
        target_measure_id,
        outcome_measure_id,
        link_key,
        'task' as link_type,
        'task_similar' as link_method,
        common_chars,
        target_document_id,
        outcome_document_id
    from agreeing
    qualify {{ mutual_best(
        'common_chars desc, subjects_common_chars desc, distance asc, outcome_measure_id asc',
        'common_chars desc, subjects_common_chars desc, distance asc, target_measure_id asc'
    ) }}
)

select * from final
