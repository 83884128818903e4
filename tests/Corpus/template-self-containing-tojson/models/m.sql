{% set x = [] %}{% do x.append(x) %}
select '{{ x|tojson }}' as x
