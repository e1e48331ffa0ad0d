-- What the warehouse could not use: load errors and warnings, and measures without a region.
select
    'load_error' as problem,
    severity,
    reason,
    source_file,
    message as detail
from {{ ref('fct_load_errors') }}
union all
select
    'measure_without_region' as problem,
    'warning' as severity,
    reason,
    source_file,
    subject_zh || ' ' || coalesce(cast(value as varchar), '(masked)') || ' ' || unit as detail
from {{ ref('mart_measures_without_region') }}
order by problem, source_file, reason
