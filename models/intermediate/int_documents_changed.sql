-- Every document of this build and of the previous one, with what an incremental build must re-build
-- (macros/incremental_refresh.sql): new, changed (renamed, or any of its raw rows differ), removed or
-- unchanged. The fingerprint hashes the document's raw rows; the previous fingerprints are those this
-- table held before it is replaced (its old version in the copy of the published warehouse). In a full
-- build there is no old version and every document is new.
{{ config(materialized='table') }}

with documents as (
    select * from {{ ref('int_documents_resolved') }}
),

raw_documents as (
    select
        document_id,
        {{ row_hash("raw_document") }} as row_hash  -- noqa: AL05
    from {{ ref('stg_raw__documents') }} as raw_document  -- noqa: AL05
),

measure_hashes as (
    select
        document_id,
        count(*) as n_rows,
        bit_xor({{ row_hash("raw_measure") }}) as rows_hash  -- order-free: the same rows give the same hash
    from {{ ref('stg_raw__measures') }} as raw_measure  -- noqa: AL05
    group by document_id
),

item_hashes as (
    select
        document_id,
        count(*) as n_rows,
        bit_xor({{ row_hash("raw_item") }}) as rows_hash
    from {{ ref('stg_raw__items') }} as raw_item  -- noqa: AL05
    group by document_id
),

current_documents as (
    select
        documents.document_id,
        documents.region_code,
        md5(concat_ws(
            '|', raw_documents.row_hash, documents.region_code,
            measure_hashes.n_rows, measure_hashes.rows_hash, item_hashes.n_rows, item_hashes.rows_hash
        )) as fingerprint
    from documents
    inner join raw_documents on documents.document_id = raw_documents.document_id
    left join measure_hashes on documents.document_id = measure_hashes.document_id
    left join item_hashes on documents.document_id = item_hashes.document_id
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
            when current_documents.fingerprint <> previous_documents.fingerprint then 'changed'
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
        (
            compared.status <> 'unchanged'
            or compared.region_code in (select touched_regions.region_code from touched_regions)
            or compared.previous_region_code in (select touched_regions.region_code from touched_regions)
        ) as in_refresh_scope
    from compared
)

select * from final
