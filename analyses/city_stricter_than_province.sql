-- Which city is stricter than its province? For every indicator and year where both a city and
-- its province set a target, compare the values in the indicator's better direction.
with targets as (
    select * from {{ ref('mart_region_comparison') }}
    where kind = 'target'
        and value is not null
),

regions as (
    select * from {{ ref('dim_region') }}
),

paired as (
    select
        city.indicator_code,
        city.year,
        city.region_name_zh as city_name_zh,
        province.region_name_zh as province_name_zh,
        city.comparator as city_comparator,
        city.value as city_value,
        province.comparator as province_comparator,
        province.value as province_value,
        city.unit,
        city.better,
        case city.better
            when 'lower'
                then city.value < province.value
                    or (city.value = province.value and city.comparator = 'lt' and province.comparator <> 'lt')
            else city.value > province.value
                or (city.value = province.value and city.comparator = 'gt' and province.comparator <> 'gt')
        end as city_is_stricter,
        city.sentence as city_sentence,
        province.sentence as province_sentence
    from targets as city
    inner join regions
        on city.region_code = regions.region_code
    inner join targets as province
        on regions.province_code = province.region_code
            and city.indicator_code = province.indicator_code
            and city.year = province.year
    where city.region_level = 'city'
)

select * from paired
order by indicator_code, year, city_name_zh collate zh
