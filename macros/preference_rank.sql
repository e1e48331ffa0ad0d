{#- The preference rank of a measure among the measures of its region, year, link key and kind (models/intermediate/
    int_measures_resolved.sql says the order); null without link key, region or year. Columns of that model. -#}
{% macro preference_rank() -%}
    case
        when link_key is not null and region_code is not null and year is not null
            then row_number() over (
                    partition by region_code, year, link_key, kind
                    order by
                        value is null,
                        coalesce(region_scope = 'county', false),
                        sub_area is not null,
                        is_change asc,
                        case
                            when (kind = 'target' and doc_type = 'plan')
                                or (kind = 'outcome' and doc_type = 'report') then 0
                            else 1
                        end,
                        published_on desc nulls last,
                        document_id asc,
                        case comparator
                            when 'eq' then 1 when 'le' then 2 when 'ge' then 3
                            when 'lt' then 4 when 'gt' then 5 when 'approx' then 6
                        end,
                        char_start asc
                )
    end
{%- endmacro %}

{#- Post-hook of int_measures_resolved in an incremental build: the model inserted the measures of the documents
    that are not unchanged, ranked among themselves; the measures they share a region with (the unchanged
    documents of the regions touched, kept as the published build made them) are ranked again with them, and a
    row whose rank moved is updated (preference_rank, is_preferred). A full build ranks every measure in the
    model's select: nothing to do. -#}
{% macro rank_refresh_scope_again() -%}
    {%- if refresh_is_incremental() -%}
        update {{ this }} as measures
        set
            preference_rank = ranked.preference_rank,
            is_preferred = coalesce(ranked.preference_rank = 1, false)
        from (
            select
                measure_id,
                {{ preference_rank() }} as preference_rank
            from {{ this }}
            where {{ in_refresh_scope() }}
        ) as ranked
        where measures.measure_id = ranked.measure_id
            and measures.preference_rank is distinct from ranked.preference_rank
    {%- else -%}
        select 1  {#- a hook must be a statement #}
    {%- endif -%}
{%- endmacro %}

{#- Post-hook of fct_targets and fct_outcomes in an incremental build: they re-build the documents that are not
    unchanged; of the others, only is_preferred may have moved (int_measures_resolved ranks the measures of a
    region together), and is copied where it did. -#}
{% macro copy_preferred_of_refresh_scope() -%}
    {%- if refresh_is_incremental() -%}
        update {{ this }} as facts
        set is_preferred = resolved.is_preferred
        from {{ ref('int_measures_resolved') }} as resolved
        where facts.measure_id = resolved.measure_id
            and facts.is_preferred is distinct from resolved.is_preferred
            and {{ in_refresh_scope(['facts.document_id']) }}
    {%- else -%}
        select 1  {#- a hook must be a statement #}
    {%- endif -%}
{%- endmacro %}
