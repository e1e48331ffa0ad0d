-- Calendar years with the Five-Year Plan they belong to (14th: 2021-2025, 15th: 2026-2030; macro five_year_plan).
with series as (
    select {{ unnest_list(integer_range(var('first_plan_year'), var('last_plan_year') ~ ' + 1')) }} as year
),

years as (
    select cast(year as integer) as year
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
