-- Every problem met while loading files: errors (file not loaded) and warnings (loaded with nulls).
with errors as (
    select * from {{ ref('stg_raw__load_errors') }}
),

final as (
    select
        load_error_id,
        source_file,
        content_sha256,
        stage,
        severity,
        reason,
        message,
        occurred_at
    from errors
)

select * from final
