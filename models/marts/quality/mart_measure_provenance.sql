-- Where each number of fct_targets and fct_outcomes comes from: its sentence with the number
-- highlighted, read back from dim_document_text at the measure's offsets (0-based, end-exclusive).
-- offsets_match tells whether the text at the offsets is the value as written.
-- Incremental (issue 12): re-builds only the refresh scope, see macros/incremental_refresh.sql.
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_refresh_scope() }}") }}
with measures as (
    select
        *,
        'target' as kind
    from {{ ref('fct_targets') }}
    union all by name
    select
        *,
        'outcome' as kind
    from {{ ref('fct_outcomes') }}
),

texts as (
    select * from {{ ref('dim_document_text') }}
),

spans as (
    select
        measures.*,
        texts.text,
        -- the sentence's bounds, else a window of context around the number
        coalesce(measures.sentence_start, greatest(measures.char_start - 60, 0)) as context_start,
        coalesce(measures.sentence_end, least(measures.char_end + 60, length(texts.text))) as context_end
    from measures
    inner join texts
        on measures.document_id = texts.document_id
),

final as (
    select
        measure_id,
        kind,
        document_id,
        source_file,
        region_code,
        year,
        indicator_code,
        subject_zh,
        value,
        unit,
        value_text,
        char_start,
        char_end,
        context_start,
        context_end,
        substring(text, char_start + 1, char_end - char_start) as text_at_offsets,
        substring(text, char_start + 1, char_end - char_start) = value_text as offsets_match,
        substring(text, context_start + 1, context_end - context_start) as context,
        {{ highlight_span('text', 'char_start', 'char_end', 'context_start', 'context_end') }}
            as context_highlighted,
        sentence
    from spans
)

select * from final
where {{ in_refresh_scope() }}
