-- Your second model builds on the first: ref() makes forge run my_first_model before this one.

select
    day_number,
    day_name,
    case when day_number >= 6 then 'weekend' else 'weekday' end as day_kind

from {{ ref('my_first_model') }}
