-- Calendar years with the Five-Year Plan they belong to (14th: 2021-2025, 15th: 2026-2030; macro five_year_plan).
with series as (
    {{ dbt.generate_series(var('last_plan_year') - var('first_plan_year') + 1) }}
),

years as (
    select cast({{ var('first_plan_year') }} - 1 + generated_number as integer) as year
    from series
),

numbered as (
    select
        year,
        {{ five_year_plan_number('year') }} as plan_number
    from years
),

final as (
    select
        year,
        {{ ordinal('plan_number') }} as five_year_plan,
        plan_number as five_year_plan_number,
        {{ five_year_plan_first_year('plan_number') }} as plan_first_year,
        {{ five_year_plan_first_year('plan_number') }} + 4 as plan_last_year
    from numbered
)

select * from final
