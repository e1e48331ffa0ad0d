-- Labels of a unit code in Chinese and English, from the units seed.
with labels as (
    select * from {{ ref('units') }}
),

final as (
    select
        unit_code,
        name_zh,
        name_en,
        symbol
    from labels
)

select * from final
