with source as (

    select * from {{ source('raw', 'payments') }}

),

renamed as (

    select
        cast(id as integer) as payment_id,
        cast(member_id as integer) as member_id,
        cast(ride_id as integer) as ride_id,
        lower(trim(payment_type)) as payment_type,
        cast(amount_cents as integer) as amount_cents,
        {{ cents_to_currency('amount_cents') }} as amount,
        upper(trim(currency)) as currency_code,
        lower(trim(method)) as payment_method,
        lower(trim(status)) as payment_status,
        cast(created_at as {{ type_timestamp() }}) as paid_at

    from source

)

select * from renamed
