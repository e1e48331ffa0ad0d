-- Labels of a doc kind code in Chinese and English, from the doc_kinds seed.
with labels as (
    select * from {{ ref('doc_kinds') }}
),

final as (
    select
        doc_kind_code,
        name_zh,
        name_en,
        doc_type
    from labels
)

select * from final
