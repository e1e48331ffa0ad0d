-- Incremental (issue 12): re-builds only the refresh scope, see macros/incremental_refresh.sql.
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_refresh_scope() }}") }}
{{ measure_facts('outcome') }}
