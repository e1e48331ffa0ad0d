-- One row per document and domain: where each government puts its weight.
-- share_of_tasks is the domain's share of the document's classified tasks (fct_tasks with a
-- domain); it sums to 1 per document, and is null when the document has no classified task.
-- A domain with measures but no task appears with n_tasks = 0.
-- Incremental (issue 12): a document's rows count its own tasks and measures alone, so it re-builds only
-- the documents that changed (per_document, macros/incremental_refresh.sql).
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_refresh_scope(per_document=true) }}") }}
with tasks as (
    select * from {{ ref('fct_tasks') }}
    where domain_code is not null
        and {{ in_refresh_scope(per_document=true) }}
),

measures as (
    select * from {{ ref('int_measures_resolved') }}
    where domain_code is not null
        and is_environmental  -- the weight of environmental work: GDP or jobs figures stay out
        and {{ in_refresh_scope(per_document=true) }}
),

documents as (
    select * from {{ ref('dim_document') }}
),

task_counts as (
    select
        document_id,
        domain_code,
        count(*) as n_tasks
    from tasks
    group by document_id, domain_code
),

measure_counts as (
    select
        document_id,
        domain_code,
        count(*) filter (where kind = 'target') as n_targets,
        count(*) filter (where kind = 'outcome') as n_outcomes
    from measures
    group by document_id, domain_code
),

combined as (
    select
        coalesce(task_counts.document_id, measure_counts.document_id) as document_id,
        coalesce(task_counts.domain_code, measure_counts.domain_code) as domain_code,
        cast(coalesce(task_counts.n_tasks, 0) as bigint) as n_tasks,
        cast(coalesce(measure_counts.n_targets, 0) as bigint) as n_targets,
        cast(coalesce(measure_counts.n_outcomes, 0) as bigint) as n_outcomes
    from task_counts
    full outer join measure_counts
        on task_counts.document_id = measure_counts.document_id
            and task_counts.domain_code = measure_counts.domain_code
),

shared as (
    select
        *,
        cast(sum(n_tasks) over (partition by document_id) as bigint) as n_document_tasks
    from combined
),

final as (
    select
        shared.document_id,
        shared.domain_code,
        documents.region_code,
        documents.year,
        shared.n_tasks,
        cast(case
            when shared.n_document_tasks > 0 then shared.n_tasks / shared.n_document_tasks
        end as double) as share_of_tasks,
        shared.n_targets,
        shared.n_outcomes,
        shared.n_document_tasks,
        documents.doc_type
    from shared
    inner join documents
        on shared.document_id = documents.document_id
)

select * from final
where {{ in_refresh_scope(per_document=true) }}
