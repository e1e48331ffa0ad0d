-- Measures with everything the facts need: the document's region (a measure is about the region of
-- its document, even when it names others), the year (the sentence's year, else the document's),
-- the domain (the indicator's, else the loader's for the measure, else its item's), a link key
-- ('indicator:<code>'; for a long-tail measure 'subject:<normalised subject>|<unit>' when the
-- normalised subject has at least var('long_tail_min_subject_chars') characters), and a
-- preference rank among measures of one region, year, link key and kind.
-- For similarity links it also carries the normalised subject, the normalised clause holding the
-- number, and the task path: the item, or its parent when the item is a labelled section
-- (工作任务 / 完成情况 as sub-items of one task).
--
-- Preference (is_preferred = rank 1; macros/preference_rank.sql), used by mart_region_comparison and the
-- attainment links:
--   1. a value over a masked number;  then a measure of a document speaking for the whole region over
--      one of a county document (region_scope = 'county'), then over one of a sub-area (中心城区);
--   2. a level over a year-on-year change;
--   3. a plan's target / a report's outcome over one quoted in the other kind of document;
--   4. the latest published document (then document_id);
--   5. comparator eq, then le, ge, lt, gt, approx;  6. the first mention in the text.
-- Incremental (issue 12): re-builds only the refresh scope, see macros/incremental_refresh.sql. Every column but
-- the rank is its document's alone (its raw rows, its document's metadata and items, the seeds): the rows of the
-- documents that are not unchanged are deleted and computed again, those of the unchanged documents of the regions
-- touched are kept as the published build made them, and the post-hook ranks the measures of those regions again
-- (macros/preference_rank.sql: a row whose rank moved is updated).
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_refresh_scope(per_document=true) }}",
          post_hook="{{ rank_refresh_scope_again() }}") }}
with measures as (
    select * from {{ ref('stg_raw__measures') }}
    where {{ in_refresh_scope(per_document=true) }}
),

matches as (
    select * from {{ ref('int_measures_indicator_matched') }}
    where {{ in_refresh_scope(per_document=true) }}
),

documents as (
    select * from {{ ref('int_documents_resolved') }}
),

items as (
    select * from {{ ref('stg_raw__items') }}
),

-- An item labelled as a section whose parent is not is one half of its parent's task.
task_paths as (
    select
        items.document_id,
        items.item_path,
        case
            when items.section_kind is not null
                and items.parent_path <> ''
                and parents.section_kind is null
                then items.parent_path
            else items.item_path
        end as task_path
    from items
    left join items as parents
        on items.document_id = parents.document_id
            and items.parent_path = parents.item_path
),

indicators as (
    select
        indicator as indicator_code,
        domain as domain_code
    from {{ ref('indicators') }}
),

domains as (
    select * from {{ ref('domains') }}
),

joined as (
    select
        measures.measure_id,
        measures.document_id,
        documents.source_file,
        documents.doc_type,
        documents.doc_kind,
        documents.published_on,
        documents.region_code,
        documents.region_scope,
        coalesce(measures.year, documents.year) as year,
        -- the loader names the rule that dated a measure; year_of_document means no words of its own did
        case
            when {{ list_contains(split_string("coalesce(measures.rules, '')", ';'), "'year_of_document'") }}
                then 'document'
            when measures.year is not null then 'sentence'
            when documents.year is not null then 'document'
        end as year_source,
        coalesce(indicators.domain_code, measures.domain_code, items.domain_code) as domain_code,
        measures.kind,
        matches.indicator_code,
        matches.matched_synonym,
        measures.subject_zh,
        measures.comparator,
        measures.value,
        measures.unit,
        measures.value_text,
        measures.qualifier,
        measures.is_masked,
        measures.is_change,
        measures.sentence,
        measures.char_start,
        measures.char_end,
        measures.sentence_start,
        measures.sentence_end,
        measures.item_path,
        coalesce(task_paths.task_path, measures.item_path) as task_path,
        measures.mentioned_regions,
        measures.rules,
        -- environmental: a catalogue indicator, else the loader's flag unless the domain is not environmental
        matches.indicator_code is not null
        or (measures.is_environmental and coalesce(domains.is_environmental, true)) as is_environmental,
        measures.sub_area,
        measures.period,
        measures.binding,
        measures.page,
        measures.table_no,
        measures.row_no,
        measures.col_no,
        {{ normalised_subject('measures.subject_zh') }} as subject_norm,
        {{ normalised_subject(clause_at('measures.sentence', 'measures.char_start - measures.sentence_start')) }}
            as clause_norm
    from measures
    inner join matches
        on measures.measure_id = matches.measure_id
    inner join documents
        on measures.document_id = documents.document_id
    left join items
        on measures.document_id = items.document_id
            and measures.item_path = items.item_path
    left join task_paths
        on measures.document_id = task_paths.document_id
            and measures.item_path = task_paths.item_path
    left join indicators
        on matches.indicator_code = indicators.indicator_code
    left join domains
        on coalesce(indicators.domain_code, measures.domain_code, items.domain_code) = domains.domain_code
),

keyed as (
    select
        *,
        coalesce(
            'indicator:' || indicator_code,
            case
                when length(subject_norm) >= {{ var('long_tail_min_subject_chars') }}
                    then 'subject:' || subject_norm || '|' || unit
            end
        ) as link_key
    from joined
),

ranked as (
    select
        *,
        {{ preference_rank() }} as preference_rank
    from keyed
),

final as (
    select
        *,
        coalesce(preference_rank = 1, false) as is_preferred
    from ranked
)

select * from final
where {{ in_refresh_scope(per_document=true) }}
