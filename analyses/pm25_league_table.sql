-- Targets and outcomes of one indicator side by side, ranked among regions of the same level.
-- Change the indicator code to compare another indicator.
{% set indicator_code = 'pm25_concentration' %}
select
    year,
    kind,
    region_level,
    rank,
    region_name_zh,
    province_name_zh,
    comparator,
    value,
    unit,
    source_file,
    sentence
from {{ ref('mart_region_comparison') }}
where indicator_code = '{{ indicator_code }}'
order by year, kind, region_level, rank nulls last
