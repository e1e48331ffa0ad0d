-- One row per loaded document: typed metadata. The cleaned text stays here for tracing.
with source as (
    select * from {{ source('raw', 'raw_documents') }}
),

renamed as (
    select
        document_id,
        source_file,
        content_sha256,
        n_bytes,
        lower(encoding) as encoding,
        source_format,
        script,
        nullif(trim(title), '') as title,
        nullif(trim(issuer), '') as issuer,
        nullif(trim(doc_number), '') as doc_number,
        try_cast(published_on as date) as published_on,
        nullif(trim(region_name), '') as region_name,
        -- GB/T 2260: six digits; a 12-digit statistical code is cut to its first six.
        case
            when {{ regexp_full_match('region_code', '[0-9]{6}([0-9]{6})?') }} then left(region_code, 6)
        end as region_code,
        -- province | city | county: the level the document speaks for. A county document keeps its
        -- parent region in region_code and names the county here.
        region_scope,
        nullif(trim(county_name), '') as county_name,
        case when {{ regexp_full_match('county_code', '[0-9]{6}') }} then county_code end as county_code,
        doc_type,
        coalesce(doc_kind, 'other') as doc_kind,
        cast(year as integer) as year,
        n_chars,
        pages,
        rows_sha256,
        text
    from source
)

select * from renamed
