-- One row per quantified measure found by the loaders.
with source as (
    select * from {{ source('raw', 'raw_measures') }}
),

renamed as (
    select
        measure_id,
        document_id,
        coalesce(item_path, '') as item_path,
        kind,
        trim(subject_zh) as subject_zh,
        comparator,
        -- A masked number never carries a value, whatever the loader wrote.
        case when coalesce(is_masked, false) then null else value end as value,
        unit,
        value_text,
        sentence,
        char_start,
        char_end,
        sentence_start,
        sentence_end,
        cast(year as integer) as year,
        coalesce(is_masked, false) as is_masked,
        coalesce(is_change, false) as is_change,
        nullif(qualifier, '') as qualifier,
        coalesce(mentioned_regions, {{ empty_string_list() }}) as mentioned_regions,
        nullif(domain_code, '') as domain_code,
        nullif(rules, '') as rules,
        -- a figure is environmental unless the loader said otherwise (economy, fiscal, society)
        coalesce(is_environmental, true) as is_environmental,
        nullif(trim(sub_area), '') as sub_area,
        nullif(period, '') as period,
        -- binding and period are the contract's names (DESIGN.md), keywords or not
        nullif(binding, '') as binding,  -- noqa: RF04
        page,
        table_no,
        row_no,
        col_no
    from source
)

select * from renamed
