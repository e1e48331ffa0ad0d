-- Policy domains (air, water, soil, ...) from the domains seed.
with domains as (
    select * from {{ ref('domains') }}
),

final as (
    select
        domain_code,
        name_zh,
        name_en,
        description
    from domains
)

select * from final
