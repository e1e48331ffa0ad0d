-- One row per task: a numbered item (level 1 or deeper) that has no numbered item below it.
-- Section headings with sub-items are structure, not tasks; the preamble is not a task either.
-- Incremental (issue 12): a task's row (its measures counted) is its document's alone, so it re-builds only
-- the documents that changed (per_document, macros/incremental_refresh.sql).
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_refresh_scope(per_document=true) }}") }}
with items as (
    select * from {{ ref('stg_raw__items') }}
    where {{ in_refresh_scope(per_document=true) }}
),

documents as (
    select * from {{ ref('int_documents_resolved') }}
),

measures as (
    select * from {{ ref('int_measures_resolved') }}
    where {{ in_refresh_scope(per_document=true) }}
),

parents as (
    select distinct
        document_id,
        parent_path
    from items
),

leaves as (
    select items.*
    from items
    left join parents
        on items.document_id = parents.document_id
            and items.item_path = parents.parent_path
    where items.level >= 1
        and parents.parent_path is null
),

measure_counts as (
    select
        document_id,
        item_path,
        count(*) as n_measures,
        count(*) filter (where kind = 'target') as n_targets,
        count(*) filter (where kind = 'outcome') as n_outcomes
    from measures
    group by document_id, item_path
),

final as (
    select
        leaves.item_id as task_id,
        leaves.document_id,
        documents.region_code,
        documents.year,
        leaves.domain_code,
        leaves.item_path,
        leaves.heading,
        leaves.text,
        coalesce(measure_counts.n_measures, 0) as n_measures,
        coalesce(measure_counts.n_targets, 0) as n_targets,
        coalesce(measure_counts.n_outcomes, 0) as n_outcomes,
        leaves.level,
        leaves.marker,
        leaves.section_kind,
        leaves.char_start,
        leaves.char_end
    from leaves
    inner join documents
        on leaves.document_id = documents.document_id
    left join measure_counts
        on leaves.document_id = measure_counts.document_id
            and leaves.item_path = measure_counts.item_path
)

select * from final
where {{ in_refresh_scope(per_document=true) }}
