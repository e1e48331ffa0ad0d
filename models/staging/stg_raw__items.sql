-- One row per numbered item (or preamble) of a document.
with source as (
    select * from {{ source('raw', 'raw_items') }}
),

renamed as (
    select
        item_id,
        document_id,
        coalesce(item_path, '') as item_path,
        cast(level as integer) as level,
        marker,
        nullif(trim(heading), '') as heading,
        text,
        char_start,
        char_end,
        section_kind,
        nullif(domain_code, '') as domain_code,
        coalesce(parent_path, '') as parent_path
    from source
)

select * from renamed
