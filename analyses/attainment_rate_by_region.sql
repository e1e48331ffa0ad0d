-- Share of comparable targets each region reached, by year.
select
    region_name_zh,
    region_level,
    year,
    count(attained) as n_comparable,
    count(*) filter (where attained) as n_attained,
    round(count(*) filter (where attained) / nullif(count(attained), 0), 3) as attainment_rate
from {{ ref('mart_target_attainment') }}
group by region_name_zh, region_level, year
order by year asc, attainment_rate desc nulls last, region_name_zh collate zh
