-- Measures that cannot be placed on the map: their document's region is unknown, or not a
-- province- or prefecture-level division of the region seed. Reported, never guessed.
with measures as (
    select * from {{ ref('int_measures_resolved') }}
    where region_code is null
),

documents as (
    select * from {{ ref('int_documents_resolved') }}
),

final as (
    select
        measures.measure_id,
        measures.document_id,
        measures.source_file,
        documents.region_name_raw,
        documents.region_code_raw,
        case
            when documents.region_name_raw is null and documents.region_code_raw is null
                then 'document_region_unknown'
            else 'region_not_in_seed'
        end as reason,
        measures.kind,
        measures.year,
        measures.indicator_code,
        measures.subject_zh,
        measures.comparator,
        measures.value,
        measures.unit,
        measures.sentence,
        measures.char_start,
        measures.char_end,
        measures.item_path
    from measures
    inner join documents
        on measures.document_id = documents.document_id
)

select * from final
