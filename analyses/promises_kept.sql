-- Who reached what they promised? Every target with a reported outcome, best gaps first.
with attainment as (
    select * from {{ ref('mart_target_attainment') }}
),

indicators as (
    select * from {{ ref('dim_indicator') }}
)

select
    attainment.region_name_zh,
    attainment.year,
    coalesce(indicators.name_zh, attainment.target_subject_zh) as what,
    attainment.target_comparator,
    attainment.target_value,
    attainment.outcome_value,
    attainment.unit,
    attainment.attained,
    attainment.gap,
    attainment.target_measure_id,
    attainment.outcome_measure_id
from attainment
left join indicators
    on attainment.indicator_code = indicators.indicator_code
order by attainment.region_name_zh collate zh, attainment.year asc, attainment.attained desc, what collate zh
