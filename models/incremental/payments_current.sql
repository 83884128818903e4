{#- The latest state of every payment. The payment provider re-sends a payment when its status
    changes (pending -> succeeded or refunded), so recent payments are merged on payment_id:
    matched rows are updated, new ones inserted. paid_at never changes and is kept as first seen. -#}
{{ config(
    materialized='incremental',
    incremental_strategy='merge',
    unique_key='payment_id',
    merge_exclude_columns=['paid_at'],
    on_schema_change='append_new_columns'
) }}

select
    payment_id,
    member_id,
    ride_id,
    payment_type,
    amount,
    currency_code,
    payment_method,
    payment_status,
    paid_at
from {{ ref('stg_payments') }}
{% if is_incremental() %}
-- Statuses settle within three days: look back that far.
where paid_at >= (select {{ dateadd('day', -3, 'max(paid_at)') }} from {{ this }})
{% endif %}
