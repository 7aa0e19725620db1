-- 602: The episode data submitted for this child does not show that he/she was adopted during the year.
-- Any AD1 item given needs an adoption in the year: an episode ending E11/E12 with DEC in the year.
select 'AD1' as table_name, a.row_key, a.CHILD as child
from ad1 as a
where (a.DATE_INT is not null or a.DATE_MATCH is not null or a.FOSTER_CARE is not null
       or a.NB_ADOPTR is not null or a.SEX_ADOPTR is not null or a.LS_ADOPTR is not null)
  and not exists (
      select 1 from episodes as e
      where e.CHILD = a.CHILD
        and e.REC in ('E11', 'E12')
        and e.DEC_d between collection_start() and collection_end()
  )
