-- A target linked to the outcome reported for the same region, year and link key: the indicator
-- code, or for long-tail measures the exact subject and unit ('subject:<subject_zh>|<unit>').
-- Only the preferred measure of each side takes part (see int_measures_resolved).
with measures as (
    select * from {{ ref('int_measures_resolved') }}
    where is_preferred
),

targets as (
    select * from measures
    where kind = 'target'
),

outcomes as (
    select * from measures
    where kind = 'outcome'
),

final as (
    select
        targets.region_code || ':' || targets.year || ':' || targets.link_key as link_id,
        targets.region_code,
        targets.year,
        targets.link_key,
        case when targets.indicator_code is null then 'subject' else 'indicator' end as link_type,
        targets.indicator_code,
        targets.subject_zh as target_subject_zh,
        outcomes.subject_zh as outcome_subject_zh,
        targets.unit,
        targets.domain_code,
        targets.measure_id as target_measure_id,
        targets.document_id as target_document_id,
        targets.comparator as target_comparator,
        targets.value as target_value,
        targets.is_masked as target_is_masked,
        targets.is_change as target_is_change,
        outcomes.measure_id as outcome_measure_id,
        outcomes.document_id as outcome_document_id,
        outcomes.comparator as outcome_comparator,
        outcomes.value as outcome_value,
        outcomes.is_masked as outcome_is_masked,
        outcomes.is_change as outcome_is_change
    from targets
    inner join outcomes
        on targets.region_code = outcomes.region_code
        and targets.year = outcomes.year
        and targets.link_key = outcomes.link_key
)

select * from final
