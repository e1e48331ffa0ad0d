-- One row per measure: the indicator it measures, or null for a long-tail measure.
-- A synonym (seed indicator_synonyms) matches when the subject contains it (case-insensitive, 比率 / 占比 read
-- as 比例: macro indicator_key; a synonym's 比例 also as 率: synonym_patterns); a synonym's terms split by
-- the gap marker … match in their order with any text between them (化学需氧量…减排 matches 化学需氧量排放量减排: LIKE, % for …),
-- contains none of its excluded_if terms ('|'-separated), and the measure's unit is the indicator's
-- (or of its family, macro unit_family: a land area in 亩 or in km2).
-- A year-on-year change (同比下降...) only matches an indicator that is itself a change, and a subject ending in a
-- rise (单位GDP二氧化碳排放同比上升) never matches a reduction (an indicator of change named 下降/降低/减少); a
-- subject ending on a metric's margin over a benchmark (…比例优于国家考核目标, …率高于全省平均) matches nothing
-- (but a figure in words: 优良比例好于国家考核要求 is the metric's goal).
-- When several synonyms match, the longest wins (then the indicator code, for determinism).
-- A figure in words only (value null: 完成省下达指标) has no unit of its own to check: its row's label
-- decides, an indicator of the row's unit first, else one of another unit. A masked figure (*吨) is no words:
-- its unit was written, so it is checked like any figure's.
-- Matching runs once per distinct (subject, unit, change) - subjects repeat across documents.
-- Incremental (issue 12): a measure's match depends on its own subject, unit and change alone, so only the
-- measures of the documents that changed are matched again (per_document, macros/incremental_refresh.sql).
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_refresh_scope(per_document=true) }}") }}
with measures as (
    select
        *,
        value is null and not coalesce(is_masked, false) as is_words_only
    from {{ ref('stg_raw__measures') }}
    where {{ in_refresh_scope(per_document=true) }}
),

indicators as (
    select
        indicator as indicator_code,
        unit,
        coalesce(is_change, false) as is_change,
        coalesce(is_change, false) and coalesce({{ regexp_contains('name_zh', '下降|降低|减少') }}, false) as is_reduction
    from {{ ref('indicators') }}
),

synonyms as (
    select
        synonyms.indicator_code,
        synonyms.synonym,
        '%' || replace({{ indicator_key('synonyms.synonym') }}, '…', '%') || '%' as synonym_pattern,
        coalesce(synonyms.excluded_if, '') as excluded_if,
        indicators.unit,
        indicators.is_change as indicator_is_change,
        indicators.is_reduction
    from {{ ref('indicator_synonyms') }} as synonyms
    inner join indicators
        on synonyms.indicator_code = indicators.indicator_code
    where coalesce(synonyms.synonym, '') <> ''
),

-- a synonym's share word 比例 also read as the one-character head word 率 (水质优良比例 matches 水质优良率); not
-- the other way: a bare 优良率 is air quality, a bare 优良比例 may be anything. Excluded terms stay as written.
synonym_patterns as (
    select
        indicator_code,
        synonym,
        synonym_pattern,
        unit,
        indicator_is_change,
        is_reduction
    from synonyms
    union
    select
        indicator_code,
        synonym,
        replace(synonym_pattern, '比例', '率') as synonym_pattern,
        unit,
        indicator_is_change,
        is_reduction
    from synonyms
),

excluded_terms as (
    select
        indicator_code,
        synonym,
        {{ unnest_list(split_string('excluded_if', '|')) }} as term
    from synonyms
    where excluded_if <> ''
),

exclusions as (
    select distinct
        indicator_code,
        synonym,
        {{ indicator_key('trim(term)') }} as excluded_term
    from excluded_terms
),

subjects as (
    select distinct
        {{ indicator_key('subject_zh') }} as subject_key,
        unit,
        is_change,
        is_words_only
    from measures
    where subject_zh is not null
),

candidates as (
    select
        subjects.subject_key,
        subjects.unit,
        subjects.is_change,
        subjects.is_words_only,
        synonym_patterns.indicator_code,
        synonym_patterns.synonym,
        subjects.unit = synonym_patterns.unit as is_same_unit
    from subjects
    inner join synonym_patterns
        on
            ({{ unit_family('subjects.unit') }} = {{ unit_family('synonym_patterns.unit') }} or subjects.is_words_only)
            and subjects.subject_key like synonym_patterns.synonym_pattern
    where
        (not subjects.is_change or synonym_patterns.indicator_is_change)
        and not (synonym_patterns.is_reduction and {{ regexp_contains('subjects.subject_key', '(上升|增长|增加|升高|反弹)$') }})
        -- a metric's margin over its benchmark (水质优良比例优于国家考核目标 23%) is no level of the metric (in words,
        -- 优良比例好于国家考核要求 is a goal of the metric)
        and (
            subjects.is_words_only
            or not {{ regexp_contains('subjects.subject_key',
                '(率|例|重|度)(优于|好于|高于|低于|快于|慢于|差于)[^或]{0,12}(目标|标准|要求|水平|平均|均值|全国|全省|全市)$') }}
        )
),

excluded as (
    select distinct
        candidates.subject_key,
        candidates.unit,
        candidates.is_change,
        candidates.is_words_only,
        candidates.indicator_code,
        candidates.synonym,
        candidates.is_same_unit
    from candidates
    inner join exclusions
        on candidates.indicator_code = exclusions.indicator_code
            and candidates.synonym = exclusions.synonym
    where exclusions.excluded_term <> ''
        and contains(candidates.subject_key, exclusions.excluded_term)
),

best as (
    select
        subject_key,
        unit,
        is_change,
        is_words_only,
        indicator_code,
        synonym as matched_synonym
    from (
        select * from candidates
        except
        select * from excluded
    ) as kept
    qualify row_number() over (
            partition by subject_key, unit, is_change, is_words_only
            order by is_same_unit desc, length(synonym) desc, indicator_code, synonym asc
        ) = 1
),

final as (
    select
        measures.measure_id,
        measures.document_id,
        best.indicator_code,
        best.matched_synonym
    from measures
    left join best
        on {{ indicator_key('measures.subject_zh') }} = best.subject_key
            and measures.unit = best.unit
            and measures.is_change = best.is_change
            and measures.is_words_only = best.is_words_only
)

select * from final
