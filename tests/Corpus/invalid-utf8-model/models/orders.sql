select 1 as id,
  'café' as name
