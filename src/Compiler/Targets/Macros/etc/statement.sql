{#-
  Runs the call block's SQL when executing and keeps the result under `name` for load_result():
    {% call statement('max_id', fetch_result=True) %} select max(id) from t {% endcall %}
    {% set max_id = load_result('max_id')['data'][0][0] %}
  While parsing (execute is false) nothing runs.
-#}
{%- macro statement(name=none, fetch_result=False, auto_begin=True, language='sql') -%}
    {%- if execute -%}
        {%- set sql = caller() -%}
        {%- set response, table = adapter.execute(sql, auto_begin=auto_begin, fetch=fetch_result) -%}
        {%- if name is not none -%}
            {{- store_result(name, response=response, agate_table=table) -}}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
