select '{{ 'x'.ljust(-1) }}' as a, {{ (-9223372036854775807-1)|abs }} as b
