-- Incremental (issue 12): re-builds the documents that are not unchanged (macros/incremental_refresh.sql); of
-- the other documents of the regions touched only is_preferred may move: the post-hook copies it
-- (macros/preference_rank.sql).
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_refresh_scope(per_document=true) }}",
          post_hook="{{ copy_preferred_of_refresh_scope() }}") }}
{{ measure_facts('outcome') }}
