{#- MD5 over the UTF-8 bytes of the text, the bytes md5() hashes on other warehouses. Converting
    nvarchar to varchar uses the code page of the expression's collation: under a UTF-8 collation
    (SQL Server 2019+, Azure SQL) every character survives, where the database's default code page
    would turn characters outside it into '?' and make different strings collide. SQL Server 2016
    and 2017 have no UTF-8 collation: there the MD5 is of the UTF-16 bytes, still collision-free
    but not equal to md5() elsewhere (docs/sqlserver.md says so). -#}
{% macro sqlserver__hash(field) -%}
    {%- if (target.sql_server_version | string) in ['2016', '2017'] -%}
    lower(convert(char(32), hashbytes('MD5', cast({{ field }} as nvarchar(max))), 2))
    {%- else -%}
    lower(convert(char(32), hashbytes('MD5', cast(cast({{ field }} as nvarchar(max)) collate Latin1_General_100_BIN2_UTF8 as varchar(max))), 2))
    {%- endif -%}
{%- endmacro %}
