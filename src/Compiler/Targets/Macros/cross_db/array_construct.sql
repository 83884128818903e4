{#- An array of the inputs (a list of SQL expressions of one type); data_type types an empty one and defaults to type_int(). A JSON array text on SQL Server. Dispatched, so a project or package can override it per target. -#}
{% macro array_construct(inputs=[], data_type=none) -%}
    {#- dbt's default is api.Column.translate_type('integer'), which is what type_int() gives on each target. -#}
    {{ return(adapter.dispatch('array_construct', 'dbt')(inputs, data_type if data_type is not none else dbt.type_int())) }}
{%- endmacro %}
