-- One row per linked target and outcome of one region, year and period (null for annual figures): by
-- indicator, by subject, or by task
-- (see int_targets_outcomes_linked for the link methods). A measure appears in at most one row.
--
-- attained, by the target's comparator:
--   lt: outcome < target    le: outcome <= target    gt: outcome > target    ge: outcome >= target
--   (an outcome written as the same strict bound, >95 against a target >95, meets it: lt/gt)
--   eq: at least the target in the better direction (higher: outcome >= target; lower: <=)
--   approx: like eq, with the target relaxed by var('approx_tolerance') (5%) against the outcome
--   null when either value is masked or either side is a year-on-year change of a level.
-- gap: outcome - target, signed so that a positive gap is better (for a `lower` indicator it is
--   target - outcome); difference keeps the plain outcome - target.
-- better: the indicator's; a long-tail subject has none, so le/lt targets read as lower-is-better
--   and every other comparator as higher-is-better (a count of works or a rate to reach).
-- Incremental (issue 12): re-builds only the refresh scope, see macros/incremental_refresh.sql.
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_refresh_scope(['target_document_id', 'outcome_document_id']) }}") }}
with links as (
    select * from {{ ref('int_targets_outcomes_linked') }}
),

indicators as (
    select * from {{ ref('dim_indicator') }}
),

regions as (
    select * from {{ ref('dim_region') }}
),

directed as (
    select
        links.*,
        coalesce(
            indicators.better,
            case when links.target_comparator in ('lt', 'le') then 'lower' else 'higher' end
        ) as better,
        links.target_value is not null
        and links.outcome_value is not null
        and links.target_is_change = links.outcome_is_change as is_comparable
    from links
    left join indicators
        on links.indicator_code = indicators.indicator_code
),

judged as (
    select
        *,
        case
            when not is_comparable then null
            -- an outcome written as the target's own strict bound (>95 against >95) meets it
            when target_comparator = 'lt'
                then outcome_value < target_value
                    or (outcome_value = target_value and coalesce(outcome_comparator = 'lt', false))
            when target_comparator = 'le' then outcome_value <= target_value
            when target_comparator = 'gt'
                then outcome_value > target_value
                    or (outcome_value = target_value and coalesce(outcome_comparator = 'gt', false))
            when target_comparator = 'ge' then outcome_value >= target_value
            when target_comparator = 'eq' and better = 'higher' then outcome_value >= target_value
            when target_comparator = 'eq' and better = 'lower' then outcome_value <= target_value
            when target_comparator = 'approx' and better = 'higher'
                then outcome_value >= target_value - abs(target_value) * {{ var('approx_tolerance') }}
            when target_comparator = 'approx' and better = 'lower'
                then outcome_value <= target_value + abs(target_value) * {{ var('approx_tolerance') }}
        end as attained,
        case when is_comparable then outcome_value - target_value end as difference
    from directed
),

final as (
    select
        judged.link_id as attainment_id,
        judged.region_code,
        judged.year,
        judged.period,
        judged.indicator_code,
        judged.link_key,
        judged.link_type,
        judged.link_method,
        judged.target_comparator,
        judged.target_value,
        judged.outcome_value,
        judged.unit,
        judged.attained,
        -- 0 - x, not -x: a gap of zero is 0, never -0
        case when judged.better = 'lower' then 0 - judged.difference else judged.difference end as gap,
        judged.difference,
        judged.better,
        judged.target_measure_id,
        judged.outcome_measure_id,
        judged.outcome_comparator,
        judged.target_subject_zh,
        judged.outcome_subject_zh,
        judged.target_sentence,
        judged.outcome_sentence,
        judged.domain_code,
        judged.target_document_id,
        judged.outcome_document_id,
        regions.region_name_zh,
        regions.region_name_en,
        regions.region_level,
        regions.province_name_zh,
        regions.province_name_en
    from judged
    left join regions
        on judged.region_code = regions.region_code
)

select * from final
where {{ in_refresh_scope(['target_document_id', 'outcome_document_id']) }}
