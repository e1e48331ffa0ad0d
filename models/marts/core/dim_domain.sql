-- Policy domains (air, water, soil, ...) and those of figures that are not environmental, from the domains seed.
with domains as (
    select * from {{ ref('domains') }}
),

final as (
    select
        domain_code,
        name_zh,
        name_en,
        description,
        is_environmental
    from domains
)

select * from final
