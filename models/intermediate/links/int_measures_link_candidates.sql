-- Measures the similarity strategies may link (int_targets_outcomes_linked_within_task, then
-- _across_documents): with a region and a year, and not of a link key that strategy 1 linked
-- already (int_targets_outcomes_linked_by_key); of a keyed measure only the preferred one, so that an
-- indicator never gets two links of one region and year.
with measures as (
    select * from {{ ref('int_measures_resolved') }}
),

-- The same table again, four columns only: a CTE read twice is materialised whole (every column of every
-- measure), which made each read of this view, and each of its data tests, cost seconds at 10 000 documents.
measure_keys as (
    select
        measure_id,
        region_code,
        year,
        link_key
    from {{ ref('int_measures_resolved') }}
),

key_links as (
    select * from {{ ref('int_targets_outcomes_linked_by_key') }}
),

linked_keys as (
    select distinct
        measure_keys.region_code,
        measure_keys.year,
        measure_keys.link_key
    from key_links
    inner join measure_keys
        on key_links.target_measure_id = measure_keys.measure_id
),

-- Every column of int_measures_resolved, so that the strategies read one shape.
final as (
    select * from measures
    where region_code is not null
        and year is not null
        and (link_key is null or is_preferred)
        and not exists (
            select 1
            from linked_keys
            where linked_keys.region_code = measures.region_code
                and linked_keys.year = measures.year
                and linked_keys.link_key = measures.link_key
        )
)

select * from final  -- noqa: AM04
