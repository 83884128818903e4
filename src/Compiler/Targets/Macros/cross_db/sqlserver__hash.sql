{#- MD5 over the UTF-8 bytes of the text, the bytes md5() hashes on other warehouses. Converting
    nvarchar to varchar uses the code page of the expression's collation: under a UTF-8 collation
    (SQL Server 2019+, Azure SQL) every character survives, where the database's default code page
    would turn characters outside it into '?' and make different strings collide. -#}
{% macro sqlserver__hash(field) -%}
    lower(convert(char(32), hashbytes('MD5', cast(cast({{ field }} as nvarchar(max)) collate Latin1_General_100_BIN2_UTF8 as varchar(max))), 2))
{%- endmacro %}
