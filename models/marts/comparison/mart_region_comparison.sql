-- One row per indicator, year, region and kind: the region's preferred measure (rule in
-- int_measures_resolved) and its rank among regions of the same level, best first (among figures in the
-- same unit: an area indicator is met in 亩 and in km2, macro unit_family).
-- Best means the lowest value for a `lower` indicator and the highest for a `higher` one; at equal
-- values a strict comparator (lt for lower, gt for higher) ranks first. Masked values get no rank.
with measures as (
    select * from {{ ref('int_measures_resolved') }}
    where is_preferred
        and indicator_code is not null
        -- a county's figure is not its city's: county documents stay in the facts, not in this ranking
        and region_scope is distinct from 'county'
        -- regions compare on environmental figures of their whole territory (not 中心城区 alone)
        and is_environmental
        and sub_area is null
),

indicators as (
    select * from {{ ref('dim_indicator') }}
),

regions as (
    select * from {{ ref('dim_region') }}
),

joined as (
    select
        measures.*,
        indicators.better,
        regions.region_name_zh,
        regions.region_name_en,
        regions.region_level,
        regions.province_code,
        regions.province_name_zh,
        regions.province_name_en,
        -- Sort key: smaller is better whichever the indicator's direction.
        case indicators.better when 'lower' then measures.value else -measures.value end as badness,
        case
            when indicators.better = 'lower' and measures.comparator = 'lt' then 0
            when indicators.better = 'higher' and measures.comparator = 'gt' then 0
            else 1
        end as strictness
    from measures
    inner join indicators
        on measures.indicator_code = indicators.indicator_code
    inner join regions
        on measures.region_code = regions.region_code
),

ranked as (
    select
        *,
        case
            when value is not null then cast(rank() over (
                    partition by indicator_code, year, kind, region_level, unit, value is null
                    order by badness, strictness
                ) as bigint)
        end as rank_in_level,
        count(value) over (partition by indicator_code, year, kind, region_level, unit) as n_regions_in_level
    from joined
),

final as (
    select
        indicator_code,
        year,
        region_code,
        kind,
        region_name_zh,
        region_level,
        province_name_zh,
        comparator,
        value,
        unit,
        rank_in_level as rank,
        n_regions_in_level,
        better,
        region_name_en,
        province_name_en,
        province_code,
        is_masked,
        measure_id,
        document_id,
        source_file,
        subject_zh,
        value_text,
        sentence,
        char_start,
        char_end,
        item_path
    from ranked
)

select * from final
