-- One row per problem met while loading a file.
with source as (
    select * from {{ source('raw', 'raw_load_errors') }}
),

renamed as (
    select
        -- No natural key: a file can fail several stages in one load, even twice the same way.
        md5(concat_ws(
            '|', source_file, stage, reason, occurred_at, message,
            cast(row_number() over (
                partition by source_file, stage, reason, occurred_at, message
                order by content_sha256 nulls last, severity nulls last
            ) as string)
        )) as load_error_id,
        source_file,
        content_sha256,
        stage,
        severity,
        reason,
        message,
        try_cast(occurred_at as {{ type_timestamptz() }}) as occurred_at
    from source
)

select * from renamed
