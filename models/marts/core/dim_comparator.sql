-- Labels of a comparator code in Chinese and English, from the comparators seed.
with labels as (
    select * from {{ ref('comparators') }}
),

final as (
    select
        comparator_code,
        name_zh,
        name_en,
        symbol
    from labels
)

select * from final
