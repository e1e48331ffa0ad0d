-- Every province- and prefecture-level division of China, seen in documents or not.
with regions as (
    select * from {{ ref('int_regions_listed') }}
),

final as (
    select
        region_code,
        region_name_zh,
        region_name_en,
        region_level,
        province_code,
        province_name_zh,
        longitude,
        latitude,
        short_name_zh
    from regions
)

select * from final
