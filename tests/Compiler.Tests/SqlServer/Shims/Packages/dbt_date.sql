{#- A small stand-in for dbt_date, shaped like it: public macros dispatch into the 'dbt_date'
    namespace; default__ bodies are Postgres SQL that T-SQL rejects. Written for these tests. -#}

{% macro get_powers_of_two(upper_bound) %}{{ return(adapter.dispatch('get_powers_of_two', 'dbt_date')(upper_bound)) }}{% endmacro %}
{% macro default__get_powers_of_two(upper_bound) %}
    {%- for power in range(1, 64) -%}
        {%- if upper_bound <= 2 ** power -%}{{ return(power) }}{%- endif -%}
    {%- endfor -%}
{% endmacro %}

{% macro get_intervals_between(start_date, end_date, datepart) %}{{ return(adapter.dispatch('get_intervals_between', 'dbt_date')(start_date, end_date, datepart)) }}{% endmacro %}
{% macro default__get_intervals_between(start_date, end_date, datepart) %}
    {%- call statement('intervals', fetch_result=True) -%}
        select {{ dbt.datediff(start_date, end_date, datepart) }}
    {%- endcall -%}
    {%- set result = load_result('intervals') -%}
    {{ return(result['data'][0][0] if result and result['data'] else 1) }}
{% endmacro %}

{% macro generate_series(upper_bound) %}{{ return(adapter.dispatch('generate_series', 'dbt_date')(upper_bound)) }}{% endmacro %}
{% macro default__generate_series(upper_bound) %}select generate_series(1, {{ upper_bound }})::int as generated_number{% endmacro %}

{% macro date_spine(datepart, start_date, end_date) %}{{ return(adapter.dispatch('date_spine', 'dbt_date')(datepart, start_date, end_date)) }}{% endmacro %}
{% macro default__date_spine(datepart, start_date, end_date) %}
    with raw as ({{ dbt_date.generate_series(3) }}) select {{ start_date }}::date as date_{{ datepart }} from raw
{% endmacro %}

{% macro get_base_dates(start_date=None, end_date=None, n_dateparts=None, datepart="day") %}{{ adapter.dispatch('get_base_dates', 'dbt_date')(start_date, end_date, n_dateparts, datepart) }}{% endmacro %}
{% macro default__get_base_dates(start_date, end_date, n_dateparts, datepart) %}
    with spine as ({{ dbt_date.date_spine(datepart, start_date, end_date) }}) select * from spine
{% endmacro %}

{% macro get_date_dimension(start_date, end_date) %}{{ adapter.dispatch('get_date_dimension', 'dbt_date')(start_date, end_date) }}{% endmacro %}
{% macro default__get_date_dimension(start_date, end_date) %}
    with base as ({{ dbt_date.get_base_dates(start_date, end_date) }}) select date_day::date from base order by 1
{% endmacro %}

{% macro get_fiscal_year_dates(dates, year_end_month=12, week_start_day=1, shift_year=1) %}{{ adapter.dispatch('get_fiscal_year_dates', 'dbt_date')(dates, year_end_month, week_start_day, shift_year) }}{% endmacro %}
{% macro default__get_fiscal_year_dates(dates, year_end_month, week_start_day, shift_year) %}
    select year_number, month_end_date from {{ dates }} where true group by 1, 2 order by 1
{% endmacro %}

{% macro date_part(datepart, date) %}{{ adapter.dispatch('date_part', 'dbt_date')(datepart, date) }}{% endmacro %}
{% macro default__date_part(datepart, date) %}extract({{ datepart }} from {{ date }}){% endmacro %}

{% macro day_name(date, short=True) %}{{ adapter.dispatch('day_name', 'dbt_date')(date, short) }}{% endmacro %}
{% macro default__day_name(date, short) %}to_char({{ date }}, 'Dy') ilike '%'{% endmacro %}

{% macro month_name(date, short=True) %}{{ adapter.dispatch('month_name', 'dbt_date')(date, short) }}{% endmacro %}
{% macro default__month_name(date, short) %}to_char({{ date }}, 'MON') ilike '%'{% endmacro %}

{% macro day_of_week(date, isoweek=true) %}{{ adapter.dispatch('day_of_week', 'dbt_date')(date, isoweek) }}{% endmacro %}
{% macro default__day_of_week(date, isoweek) %}extract(dow from {{ date }}){% endmacro %}

{% macro day_of_year(date) %}{{ adapter.dispatch('day_of_year', 'dbt_date')(date) }}{% endmacro %}
{% macro default__day_of_year(date) %}extract(doy from {{ date }}){% endmacro %}

{% macro day_of_month(date) %}{{ dbt_date.date_part('day', date) }}{% endmacro %}

{% macro week_of_year(date=None, tz=None) %}{{ adapter.dispatch('week_of_year', 'dbt_date')(date if date else dbt_date.today(tz)) }}{% endmacro %}
{% macro default__week_of_year(date) %}extract(week from {{ date }}){% endmacro %}

{% macro iso_week_of_year(date=None, tz=None) %}{{ adapter.dispatch('iso_week_of_year', 'dbt_date')(date if date else dbt_date.today(tz)) }}{% endmacro %}
{% macro default__iso_week_of_year(date) %}extract(isoweek from {{ date }}){% endmacro %}

{% macro iso_week_start(date=None, tz=None) %}{{ adapter.dispatch('iso_week_start', 'dbt_date')(date if date else dbt_date.today(tz)) }}{% endmacro %}
{% macro default__iso_week_start(date) %}(date_trunc('isoweek', {{ date }}) + interval '0 days'){% endmacro %}

{% macro iso_week_end(date=None, tz=None) %}{{ adapter.dispatch('iso_week_end', 'dbt_date')(date if date else dbt_date.today(tz)) }}{% endmacro %}
{% macro default__iso_week_end(date) %}(date_trunc('isoweek', {{ date }}) + interval '6 days')::date{% endmacro %}

{% macro week_start(date=None, tz=None) %}{{ adapter.dispatch('week_start', 'dbt_date')(date if date else dbt_date.today(tz)) }}{% endmacro %}
{% macro default__week_start(date) %}(date_trunc('week', {{ date }}) + interval '0 days'){% endmacro %}

{% macro week_end(date=None, tz=None) %}{{ adapter.dispatch('week_end', 'dbt_date')(date if date else dbt_date.today(tz)) }}{% endmacro %}
{% macro default__week_end(date) %}(date_trunc('week', {{ date }}) + interval '6 days')::date{% endmacro %}

{% macro to_unixtimestamp(timestamp) %}{{ adapter.dispatch('to_unixtimestamp', 'dbt_date')(timestamp) }}{% endmacro %}
{% macro default__to_unixtimestamp(timestamp) %}extract(epoch from {{ timestamp }}){% endmacro %}

{% macro from_unixtimestamp(epochs, format="seconds") %}{{ adapter.dispatch('from_unixtimestamp', 'dbt_date')(epochs, format) }}{% endmacro %}
{% macro default__from_unixtimestamp(epochs, format) %}to_timestamp({{ epochs }}) at time zone interval '0'{% endmacro %}

{% macro convert_timezone(column, target_tz=None, source_tz=None) %}
    {{- adapter.dispatch('convert_timezone', 'dbt_date')(column, target_tz or var('dbt_date:time_zone', 'America/Los_Angeles'), source_tz or 'UTC') -}}
{% endmacro %}
{% macro default__convert_timezone(column, target_tz, source_tz) %}convert_timezone('{{ source_tz }}', '{{ target_tz }}', {{ column }} + interval '0 days'){% endmacro %}

{% macro now(tz=None) %}{{ dbt_date.convert_timezone(dbt.current_timestamp(), tz) }}{% endmacro %}
{% macro today(tz=None) %}cast({{ dbt_date.now(tz) }} as date){% endmacro %}
{% macro n_days_away(n, date=None, tz=None) %}cast({{ dbt.dateadd('day', n | int, date if date else dbt_date.today(tz)) }} as date){% endmacro %}
{% macro tomorrow(date=None, tz=None) %}{{ dbt_date.n_days_away(1, date, tz) }}{% endmacro %}
{% macro yesterday(date=None, tz=None) %}{{ dbt_date.n_days_away(-1, date, tz) }}{% endmacro %}
