-- Every province- and prefecture-level division (and county-level unit a province governs directly):
-- seed regions, from cpca's table.
with regions as (
    select * from {{ ref('regions') }}
),

final as (
    select
        region_code,
        region_name_zh,
        short_name_zh,
        region_name_en,
        region_level,
        province_code,
        province_name_zh,
        longitude,
        latitude
    from regions
)

select * from final
