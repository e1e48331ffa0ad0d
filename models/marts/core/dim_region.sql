-- Every province- and prefecture-level division of China (and county-level unit a province governs
-- directly), seen in documents or not.
with regions as (
    select * from {{ ref('int_regions_listed') }}
),

final as (
    select
        regions.region_code,
        regions.region_name_zh,
        regions.region_name_en,
        regions.region_level,
        regions.province_code,
        regions.province_name_zh,
        regions.longitude,
        regions.latitude,
        regions.short_name_zh,
        provinces.region_name_en as province_name_en
    from regions
    left join regions as provinces
        on regions.province_code = provinces.region_code
)

select * from final
