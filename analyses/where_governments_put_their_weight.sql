-- Where does each government put its weight? Share of tasks per domain, per region and year,
-- averaged over the region's documents of that year.
with focus as (
    select * from {{ ref('mart_domain_focus') }}
    where share_of_tasks is not null
),

regions as (
    select * from {{ ref('dim_region') }}
),

domains as (
    select * from {{ ref('dim_domain') }}
),

per_region as (
    select
        focus.region_code,
        focus.year,
        focus.domain_code,
        count(distinct focus.document_id) as n_documents,
        sum(focus.n_tasks) as n_tasks,
        sum(focus.n_targets) as n_targets,
        sum(focus.n_outcomes) as n_outcomes,
        avg(focus.share_of_tasks) as avg_share_of_tasks
    from focus
    group by focus.region_code, focus.year, focus.domain_code
)

select
    regions.region_name_zh,
    per_region.year,
    domains.name_zh as domain_name_zh,
    domains.name_en as domain_name_en,
    round(per_region.avg_share_of_tasks, 3) as share_of_tasks,
    per_region.n_tasks,
    per_region.n_targets,
    per_region.n_outcomes
from per_region
left join regions
    on per_region.region_code = regions.region_code
left join domains
    on per_region.domain_code = domains.domain_code
order by regions.region_name_zh collate zh, per_region.year asc, share_of_tasks desc
