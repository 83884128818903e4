{#- Whether the test being rendered keeps its failing rows: its store_failures_as config (ephemeral keeps none), else its store_failures config, else the --store-failures flag. Test macros of packages (dbt_utils' expression_is_true) ask this to choose their select list. -#}
{% macro should_store_failures() -%}
    {%- set stored_as = config.get('store_failures_as') -%}
    {%- if stored_as -%}
        {{- return(stored_as | lower in ['table', 'view']) -}}
    {%- endif -%}
    {%- set configured = config.get('store_failures') -%}
    {%- if configured is none -%}
        {%- set configured = flags.STORE_FAILURES -%}
    {%- endif -%}
    {{- return(configured) -}}
{%- endmacro %}
