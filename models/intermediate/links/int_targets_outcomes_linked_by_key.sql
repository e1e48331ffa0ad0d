-- Links of strategy 1 (of 3): a target and an outcome sharing a link key (int_measures_resolved):
-- 'indicator:<code>' (link_method indicator) or 'subject:<normalised subject>|<unit>' (subject_exact).
-- One link per region, year, period and key (an annual pair and a five-year pair of one indicator and
-- end year are two links): of the pairs that pass link_compatible, a target and the actual of one table
-- row first (a 十三五 table: the document itself pairs them), of one subject first (a cell's figure
-- before the members it lists: 92以上(威远县93.06、…)), then the most preferred target and its most
-- preferred outcome (the preferred pair whenever it is compatible).
-- A table may hold two rows of one key (省控 and 其中:国控 sections, 城市 and 乡镇 sources, a basin): each
-- row pairs its own target and actual, so a row whose key went to another row links by its row's subject
-- instead ('subject:<target's normalised subject>|<unit>', link_method subject_exact), one pair a row.
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

pairs as {{ materialized_cte() }} (
    select
        targets.measure_id as target_measure_id,
        outcomes.measure_id as outcome_measure_id,
        targets.document_id as target_document_id,
        outcomes.document_id as outcome_document_id,
        targets.region_code,
        targets.year,
        -- a target in words has no period of its own: the outcome answering it says which (link_compatible)
        coalesce(targets.period, outcomes.period) as period,
        targets.link_key,
        case when targets.indicator_code is null then 'subject' else 'indicator' end as link_type,
        case when targets.indicator_code is null then 'subject_exact' else 'indicator' end as link_method,
        coalesce(
            targets.document_id = outcomes.document_id
            and targets.table_no = outcomes.table_no
            and targets.row_no = outcomes.row_no,
            false
        ) as in_one_table_row,
        coalesce(targets.subject_norm = outcomes.subject_norm, false) as same_subject,
        'subject:' || targets.subject_norm || '|' || targets.unit as row_subject_key,
        targets.table_no,
        targets.row_no,
        targets.preference_rank as target_rank,
        outcomes.preference_rank as outcome_rank
    from measures as targets
    inner join measures as outcomes
        on targets.link_key = outcomes.link_key
            and {{ link_compatible('targets', 'outcomes') }}
),

key_links as {{ materialized_cte() }} (
    select * from pairs
    qualify
        row_number() over (
            partition by region_code, year, period, link_key
            order by
                in_one_table_row desc, same_subject desc, target_rank asc, outcome_rank asc,
                target_measure_id asc, outcome_measure_id asc
        ) = 1
),

-- the pairs of the other table rows of a linked key, their measures in no link of the key
other_rows as (
    select pairs.*
    from pairs
    inner join key_links
        on pairs.region_code = key_links.region_code
            and pairs.year = key_links.year
            and pairs.period is not distinct from key_links.period
            and pairs.link_key = key_links.link_key
    where pairs.in_one_table_row
        and pairs.link_type = 'indicator'
        and not exists (
            select 1 from key_links as taken
            where taken.target_measure_id = pairs.target_measure_id
                or taken.outcome_measure_id = pairs.outcome_measure_id
        )
),

row_links as (
    select
        target_measure_id,
        outcome_measure_id,
        target_document_id,
        outcome_document_id,
        region_code,
        year,
        period,
        row_subject_key as link_key,
        'subject' as link_type,
        'subject_exact' as link_method
    from other_rows
    qualify
        {{ mutual_best('same_subject desc, target_rank asc, outcome_rank asc, outcome_measure_id asc',
                       'same_subject desc, target_rank asc, outcome_rank asc, target_measure_id asc') }}
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
    from key_links
    union all
    select
        target_measure_id,
        outcome_measure_id,
        link_key,
        link_type,
        link_method,
        cast(null as integer) as common_chars,
        target_document_id,
        outcome_document_id
    from row_links
    qualify
        row_number() over (
            partition by region_code, year, period, link_key order by target_measure_id, outcome_measure_id
        ) = 1
)

select * from final
