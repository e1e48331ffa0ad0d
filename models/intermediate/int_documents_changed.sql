-- Every document of this build and of the previous one, with what an incremental build must re-build
-- (macros/incremental_refresh.sql): new, changed (renamed, or any of its raw rows differ), removed or
-- unchanged. The fingerprint is the loader's hash of the document's raw rows (written with them, so
-- nothing here reads the rows); the previous fingerprints are those this
-- table held before it is replaced (its old version in the copy of the published warehouse). In a full
-- build there is no old version and every document is new.
{{ config(materialized='table') }}

with documents as (
    select * from {{ ref('int_documents_resolved') }}
),

current_documents as (
    select
        documents.document_id,
        documents.region_code,
        -- the loader's hash of the document's raw rows (pipeline.rows_sha256), and the region it resolves to
        md5(raw_documents.rows_sha256 || '|' || coalesce(documents.region_code, '')) as fingerprint
    from documents
    inner join {{ ref('stg_raw__documents') }} as raw_documents
        on documents.document_id = raw_documents.document_id
),

previous_documents as (
    select
        previous_build.document_id,
        previous_build.region_code,
        previous_build.fingerprint
    from {{ previous_build_of_this() }} as previous_build
    where previous_build.status <> 'removed'
),

compared as (
    select
        coalesce(current_documents.document_id, previous_documents.document_id) as document_id,
        case
            when previous_documents.document_id is null then 'new'
            when current_documents.document_id is null then 'removed'
            -- no fingerprint (raw rows the loader did not write): always rebuilt
            when coalesce(current_documents.fingerprint <> previous_documents.fingerprint, true) then 'changed'
            else 'unchanged'
        end as status,
        current_documents.region_code,
        previous_documents.region_code as previous_region_code,
        current_documents.fingerprint
    from current_documents
    full outer join previous_documents
        on current_documents.document_id = previous_documents.document_id
),

-- regions of a document that is not unchanged, before and after: their facts depend on each other
touched_regions as (
    select region_code
    from compared
    where status <> 'unchanged' and region_code is not null
    union
    select previous_region_code as region_code
    from compared
    where status <> 'unchanged' and previous_region_code is not null
),

final as (
    select
        compared.*,
        -- coalesce: a document without a region is in no touched region (null in (...) would be null, not false)
        (
            compared.status <> 'unchanged'
            or coalesce(compared.region_code in (select touched_regions.region_code from touched_regions), false)
            or coalesce(
                compared.previous_region_code in (select touched_regions.region_code from touched_regions), false
            )
        ) as in_refresh_scope
    from compared
)

select * from final
