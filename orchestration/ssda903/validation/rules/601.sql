-- 601: The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.
-- Adopted in the year: an episode ending E11/E12 with DEC in the year. Every AD1 item must be given; a
-- child with no AD1 row has none of them.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where e.REC in ('E11', 'E12')
  and e.DEC_d between collection_start() and collection_end()
  and not exists (
      select 1 from ad1 as a
      where a.CHILD = e.CHILD
        and a.DATE_INT is not null and a.DATE_MATCH is not null and a.FOSTER_CARE is not null
        and a.NB_ADOPTR is not null and a.SEX_ADOPTR is not null and a.LS_ADOPTR is not null
  )
