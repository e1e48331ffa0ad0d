-- Every document of this build and of the previous one, with what an incremental build must re-build
-- (macros/incremental_refresh.sql): new, changed (renamed, or any of its raw rows differ), removed or
-- unchanged. The fingerprint hashes the document's raw rows; the previous fingerprints are those this
-- table held before it is replaced (its old version in the copy of the published warehouse). In a full
-- build there is no old version and every document is new.
{{ config(materialized='table') }}
{%- set previous = adapter.get_relation(this.database, this.schema, this.identifier) if execute else none %}

with documents as (
    select * from {{ ref('int_documents_resolved') }}
),

raw_documents as (
    select
        document_id,
        hash(raw_document) as row_hash
    from {{ ref('stg_raw__documents') }} as raw_document
),

measure_hashes as (
    select
        document_id,
        count(*) as n_rows,
        bit_xor(hash(raw_measure)) as rows_hash  -- order-free: the same rows give the same hash
    from {{ ref('stg_raw__measures') }} as raw_measure
    group by document_id
),

item_hashes as (
    select
        document_id,
        count(*) as n_rows,
        bit_xor(hash(raw_item)) as rows_hash
    from {{ ref('stg_raw__items') }} as raw_item
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
    {%- if previous and not flags.FULL_REFRESH %}
    select
        document_id,
        region_code,
        fingerprint
    from {{ previous }}
    where status <> 'removed'
    {%- else %}
    select
        cast(null as varchar) as document_id,
        cast(null as varchar) as region_code,
        cast(null as varchar) as fingerprint
    where false
    {%- endif %}
),

final as (
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
)

select * from final
