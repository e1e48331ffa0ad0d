{#- The body of fct_targets and fct_outcomes: one row per measure of one kind, traceable to its
    sentence and offsets. Masked measures stay, with a null value and is_masked = true. -#}
{% macro measure_facts(kind) %}
with measures as (
    select * from {{ ref('int_measures_resolved') }}
    where kind = '{{ kind }}'
),

final as (
    select
        measure_id,
        document_id,
        source_file,
        region_code,
        year,
        domain_code,
        indicator_code,
        subject_zh,
        comparator,
        value,
        unit,
        value_text,
        sentence,
        char_start,
        char_end,
        item_path,
        is_masked,
        is_change,
        qualifier,
        {{ join_strings('mentioned_regions', '、') }} as mentioned_regions,
        year_source,
        matched_synonym,
        sentence_start,
        sentence_end,
        is_preferred,
        rules,
        is_environmental,
        sub_area,
        period,
        binding,
        page,
        table_no,
        row_no,
        col_no
    from measures
)

select * from final
where {{ in_refresh_scope(per_document=true) }}
{% endmacro %}
