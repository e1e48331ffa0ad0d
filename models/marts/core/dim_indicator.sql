-- Canonical indicators (seed indicators) with the direction that counts as better.
with indicators as (
    select * from {{ ref('indicators') }}
),

synonyms as (
    select
        indicator_code,
        count(*) as n_synonyms
    from {{ ref('indicator_synonyms') }}
    group by indicator_code
),

final as (
    select
        indicators.indicator as indicator_code,
        indicators.domain as domain_code,
        indicators.name_zh,
        indicators.name_en,
        indicators.unit,
        indicators.better,
        coalesce(indicators.is_change, false) as is_change,
        coalesce(synonyms.n_synonyms, 0) as n_synonyms
    from indicators
    left join synonyms
        on indicators.indicator = synonyms.indicator_code
)

select * from final
