select *
from {{ ref('dim_customers', v='gamma') }}
