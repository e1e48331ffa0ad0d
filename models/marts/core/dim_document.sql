-- One row per loaded document, with its region checked against dim_region.
-- Incremental (issue 12): its row is its document's alone, so it re-builds only the documents that changed
-- (per_document, macros/incremental_refresh.sql).
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_refresh_scope(per_document=true) }}") }}
with documents as (
    select * from {{ ref('int_documents_resolved') }}
),

final as (
    select
        document_id,
        source_file,
        title,
        issuer,
        region_code,
        doc_type,
        doc_kind,
        year,
        published_on,
        script,
        doc_number,
        region_name_raw,
        region_resolved_by,
        region_scope,
        county_name,
        county_code,
        encoding,
        source_format,
        n_chars,
        pages,
        content_sha256
    from documents
)

select * from final
where {{ in_refresh_scope(per_document=true) }}
