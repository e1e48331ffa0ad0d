-- Where each number of fct_targets and fct_outcomes comes from: its sentence with the number
-- highlighted, read back from dim_document_text at the measure's offsets (0-based, end-exclusive).
-- offsets_match tells whether the text at the offsets is the value as written.
-- Incremental (issue 12): a measure's row (it holds no preference among documents) is its document's alone,
-- so it re-builds only the documents that changed (per_document, macros/incremental_refresh.sql).
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_refresh_scope(per_document=true) }}") }}
with measures as (
    select
        *,
        'target' as kind
    from {{ ref('fct_targets') }}
    where {{ in_refresh_scope(per_document=true) }}
    union all  -- the same columns in the same order (macro measure_facts)
    select
        *,
        'outcome' as kind
    from {{ ref('fct_outcomes') }}
    where {{ in_refresh_scope(per_document=true) }}
),

texts as (
    select * from {{ ref('dim_document_text') }}
    where {{ in_refresh_scope(per_document=true) }}
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

-- The context is cut from the text once; the number and its highlight are then read from the context.
-- substring() walks a UTF-8 text from its start, so each cut of the whole text costs as much as its offset
-- (five cuts per measure made this the slowest model of a full build). A span outside its context (the
-- data tests reject it) is read from the text itself, so the columns are the same either way.
cut as (
    select
        spans.*,
        substring(spans.text, spans.context_start + 1, spans.context_end - spans.context_start) as context,
        (
            spans.context_start >= 0
            and spans.context_start <= spans.char_start
            and spans.char_start <= spans.char_end
            and spans.char_end <= spans.context_end
        ) as span_in_context
    from spans
),

read_back as (
    select
        cut.*,
        case
            when cut.span_in_context
                then substring(cut.context, cut.char_start - cut.context_start + 1, cut.char_end - cut.char_start)
            else substring(cut.text, cut.char_start + 1, cut.char_end - cut.char_start)
        end as text_at_offsets,
        case
            when cut.span_in_context
                then {{ highlight_span('cut.context', '(cut.char_start - cut.context_start)',
                                       '(cut.char_end - cut.context_start)', '0',
                                       '(cut.context_end - cut.context_start)') }}
            else {{ highlight_span('cut.text', 'cut.char_start', 'cut.char_end', 'cut.context_start',
                                   'cut.context_end') }}
        end as context_highlighted
    from cut
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
        text_at_offsets,
        text_at_offsets = value_text as offsets_match,
        context,
        context_highlighted,
        sentence
    from read_back
)

select * from final
where {{ in_refresh_scope(per_document=true) }}
