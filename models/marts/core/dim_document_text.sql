-- The cleaned text of each document, the text every offset of the marts points into:
-- char_start/char_end and sentence_start/sentence_end are 0-based and end-exclusive, so the span of a
-- measure is substring(text, char_start + 1, char_end - char_start) (DuckDB's substring is 1-based).
-- Incremental (issue 12): its row is its document's alone, so it re-builds only the documents that changed
-- (per_document, macros/incremental_refresh.sql).
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_refresh_scope(per_document=true) }}") }}
with documents as (
    select * from {{ ref('stg_raw__documents') }}
),

published as (
    select * from {{ ref('dim_document') }}
),

final as (
    select
        documents.document_id,
        documents.text,
        cast(length(documents.text) as bigint) as n_chars
    from documents
    inner join published
        on documents.document_id = published.document_id
)

select * from final
where {{ in_refresh_scope(per_document=true) }}
