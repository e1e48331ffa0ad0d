-- Which regions and years have which kinds of document: one row for every province and
-- prefecture-level city x year x document kind, found or not, so that "no target" can be told from
-- "no document". Years run from the earliest to the latest document year. A county document counts
-- for its parent city (its region_code). Documents of unknown region or year are not placed here;
-- mart_measures_without_region reports them.
with regions as (
    select * from {{ ref('dim_region') }}
),

doc_kinds as (
    select * from {{ ref('dim_doc_kind') }}
),

documents as (
    select * from {{ ref('dim_document') }}
),

targets as (
    select * from {{ ref('fct_targets') }}
),

outcomes as (
    select * from {{ ref('fct_outcomes') }}
),

year_range as (
    select
        min(year) as first_year,
        max(year) as last_year
    from documents
),

years as (
    select cast(series.year as integer) as year
    from (
        select {{ unnest_list(integer_range('first_year', 'last_year + 1')) }} as year
        from year_range
    ) as series
),

measures as (
    select
        document_id,
        'target' as kind
    from targets
    union all
    select
        document_id,
        'outcome' as kind
    from outcomes
),

measure_counts as (
    select
        document_id,
        count(*) filter (where kind = 'target') as n_targets,
        count(*) filter (where kind = 'outcome') as n_outcomes
    from measures
    group by document_id
),

found as (
    select
        documents.region_code,
        documents.year,
        documents.doc_kind,
        count(*) as n_documents,
        count(*) filter (where documents.region_scope = 'county') as n_county_documents,
        {{ ordered_string_agg('documents.document_id', ',') }} as document_ids,
        cast(coalesce(sum(measure_counts.n_targets), 0) as bigint) as n_targets,
        cast(coalesce(sum(measure_counts.n_outcomes), 0) as bigint) as n_outcomes
    from documents
    left join measure_counts
        on documents.document_id = measure_counts.document_id
    where documents.region_code is not null and documents.year is not null
    group by documents.region_code, documents.year, documents.doc_kind
),

final as (
    select
        regions.region_code,
        regions.region_name_zh,
        regions.region_name_en,
        regions.region_level,
        regions.province_code,
        years.year,
        doc_kinds.doc_kind_code as doc_kind,
        doc_kinds.name_en as doc_kind_name_en,
        coalesce(found.n_documents, 0) as n_documents,
        coalesce(found.n_county_documents, 0) as n_county_documents,
        found.document_ids,
        coalesce(found.n_targets, 0) as n_targets,
        coalesce(found.n_outcomes, 0) as n_outcomes,
        case
            when found.n_documents is null then 'no_document'
            when found.n_targets + found.n_outcomes = 0 then 'document_without_measures'
            else 'documents_with_measures'
        end as coverage_status
    from regions
    cross join years
    cross join doc_kinds
    left join found
        on
            regions.region_code = found.region_code
            and years.year = found.year
            and doc_kinds.doc_kind_code = found.doc_kind
)

select * from final
