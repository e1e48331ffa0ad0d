-- Which provinces and cities have documents, per year and kind? A region without any is listed too.
with coverage as (
    select * from {{ ref('mart_coverage') }}
),

per_region_year as (
    select
        region_level,
        region_name_zh,
        region_name_en,
        year,
        sum(n_documents) as n_documents,
        sum(n_targets) as n_targets,
        sum(n_outcomes) as n_outcomes,
        string_agg(case when n_documents > 0 then doc_kind end, ', ' order by doc_kind) as doc_kinds_found
    from coverage
    group by region_level, region_name_zh, region_name_en, year
)

select * from per_region_year
order by region_level = 'city', n_documents = 0, region_name_zh collate zh, year
