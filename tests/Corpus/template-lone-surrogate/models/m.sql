select '{{ '\ud800' }}' as x
