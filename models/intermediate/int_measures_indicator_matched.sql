-- Each measure with the indicator it measures, or null for a long-tail measure.
-- A synonym (seed indicator_synonyms) matches when the subject contains it (case-insensitive),
-- contains none of its excluded_if terms ('|'-separated), and the measure's unit is the indicator's.
-- A year-on-year change (同比下降...) only matches an indicator that is itself a change.
-- When several synonyms match, the longest wins (then the indicator code, for determinism).
with measures as (
    select * from {{ ref('stg_raw__measures') }}
),

synonyms as (
    select
        indicator_code,
        synonym,
        coalesce(excluded_if, '') as excluded_if
    from {{ ref('indicator_synonyms') }}
    where coalesce(synonym, '') <> ''
),

indicators as (
    select
        indicator as indicator_code,
        unit,
        coalesce(is_change, false) as is_change
    from {{ ref('indicators') }}
),

exclusions as (
    select distinct
        indicator_code,
        synonym,
        trim(unnest(string_split(excluded_if, '|'))) as excluded_term
    from synonyms
    where excluded_if <> ''
),

candidates as (
    select
        measures.measure_id,
        synonyms.indicator_code,
        synonyms.synonym
    from measures
    inner join synonyms
        on contains(lower(measures.subject_zh), lower(synonyms.synonym))
    inner join indicators
        on synonyms.indicator_code = indicators.indicator_code
        and measures.unit = indicators.unit
        and (not measures.is_change or indicators.is_change)
    where not exists (
        select 1
        from exclusions
        where exclusions.indicator_code = synonyms.indicator_code
            and exclusions.synonym = synonyms.synonym
            and exclusions.excluded_term <> ''
            and contains(lower(measures.subject_zh), lower(exclusions.excluded_term))
    )
),

best as (
    select
        measure_id,
        indicator_code,
        synonym as matched_synonym
    from candidates
    qualify row_number() over (
        partition by measure_id
        order by length(synonym) desc, indicator_code, synonym
    ) = 1
),

final as (
    select
        measures.*,
        best.indicator_code,
        best.matched_synonym
    from measures
    left join best
        on measures.measure_id = best.measure_id
)

select * from final
