{#- A configured alias wins; a versioned model gets _v<version>; otherwise the node's name. -#}
{% macro default__generate_alias_name(custom_alias_name=none, node=none) -%}
    {%- if custom_alias_name -%}
        {{ custom_alias_name | trim }}
    {%- elif node.version -%}
        {{ node.name ~ "_v" ~ (node.version | string | replace(".", "_")) }}
    {%- else -%}
        {{ node.name }}
    {%- endif -%}
{%- endmacro %}
