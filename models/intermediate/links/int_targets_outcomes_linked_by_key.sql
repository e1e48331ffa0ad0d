-- Links of strategy 1 (of 3): a target and an outcome sharing a link key (int_measures_resolved):
-- 'indicator:<code>' (link_method indicator) or 'subject:<normalised subject>|<unit>' (subject_exact).
-- One link per region, year, period and key (an annual pair and a five-year pair of one indicator and
-- end year are two links): of the pairs that pass link_compatible, a target and the actual of one table
-- row first (a 十三五 table: the document itself pairs them), then the most preferred target and its
-- most preferred outcome (the preferred pair whenever it is compatible).
-- Incremental (issue 12): a link pairs measures of one region, so only the refresh scope (every document of
-- the regions touched) is linked again; see macros/incremental_refresh.sql.
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_refresh_scope(['target_document_id', 'outcome_document_id']) }}") }}
with measures as (
    select * from {{ ref('int_measures_resolved') }}
    where link_key is not null
        and region_code is not null
        and year is not null
        and {{ in_refresh_scope() }}
),

pairs as (
    select
        targets.measure_id as target_measure_id,
        outcomes.measure_id as outcome_measure_id,
        targets.document_id as target_document_id,
        outcomes.document_id as outcome_document_id,
        targets.region_code,
        targets.year,
        targets.period,
        targets.link_key,
        case when targets.indicator_code is null then 'subject' else 'indicator' end as link_type,
        case when targets.indicator_code is null then 'subject_exact' else 'indicator' end as link_method,
        coalesce(
            targets.document_id = outcomes.document_id
            and targets.table_no = outcomes.table_no
            and targets.row_no = outcomes.row_no,
            false
        ) as in_one_table_row,
        targets.preference_rank as target_rank,
        outcomes.preference_rank as outcome_rank
    from measures as targets
    inner join measures as outcomes
        on targets.link_key = outcomes.link_key
            and {{ link_compatible('targets', 'outcomes') }}
),

final as (
    select
        target_measure_id,
        outcome_measure_id,
        link_key,
        link_type,
        link_method,
        cast(null as integer) as common_chars,
        target_document_id,
        outcome_document_id
    from pairs
    qualify
        row_number() over (
            partition by region_code, year, period, link_key
            order by in_one_table_row desc, target_rank asc, outcome_rank asc
        ) = 1
)

select * from final
