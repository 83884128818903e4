{#- VARCHAR (not NVARCHAR) hashes the same bytes as md5() over UTF-8 text elsewhere for ASCII values. -#}
{% macro sqlserver__hash(field) -%}
    lower(convert(char(32), hashbytes('MD5', cast({{ field }} as varchar(max))), 2))
{%- endmacro %}
