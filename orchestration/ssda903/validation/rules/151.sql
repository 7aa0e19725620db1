-- 151: All data items relating to a childs adoption must be coded or left blank.
-- The six adoption items: all given or all blank.
select 'AD1' as table_name, row_key, CHILD as child
from ad1
where coalesce(DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR) is not null
  and (DATE_INT is null or DATE_MATCH is null or FOSTER_CARE is null or NB_ADOPTR is null
       or SEX_ADOPTR is null or LS_ADOPTR is null)
