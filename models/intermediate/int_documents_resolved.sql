-- Documents with their region checked against the region seed.
-- The loader's code wins when the seed knows it; otherwise the loader's region name is looked up by
-- full name, then by short name when that is unambiguous (吉林 and 海南 are both a province and a
-- city). A region found neither way stays null and is reported (mart_measures_without_region).
with documents as (
    select * from {{ ref('stg_raw__documents') }}
),

regions as (
    select * from {{ ref('int_regions_listed') }}
),

names as (
    select
        region_name_zh as region_name,
        region_code
    from regions
    union all
    select
        short_name_zh as region_name,
        region_code
    from regions
),

unambiguous_names as (
    select
        region_name,
        min(region_code) as region_code
    from names
    group by region_name
    having count(distinct region_code) = 1
),

resolved as (
    select
        documents.*,
        case
            when by_code.region_code is not null then 'code'
            when by_name.region_code is not null then 'name'
        end as region_resolved_by,
        coalesce(by_code.region_code, by_name.region_code) as resolved_region_code
    from documents
    left join regions as by_code
        on documents.region_code = by_code.region_code
    left join unambiguous_names as by_name
        on documents.region_name = by_name.region_name
),

final as (
    select
        document_id,
        source_file,
        content_sha256,
        n_bytes,
        encoding,
        source_format,
        script,
        title,
        issuer,
        doc_number,
        published_on,
        region_name as region_name_raw,
        region_code as region_code_raw,
        resolved_region_code as region_code,
        region_resolved_by,
        region_scope,
        county_name,
        county_code,
        doc_type,
        doc_kind,
        year,
        n_chars,
        pages
    from resolved
)

select * from final
