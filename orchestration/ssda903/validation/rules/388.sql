-- 388: Reason episode ceased is coded new episode begins, but there is no continuation episode.
-- X1 means the next episode starts the day this one ends. Three failures, as DfE codes them: an X1 episode
-- whose next episode starts another day; an episode that ends with another reason though the next
-- episode starts that same day (it should be X1); the child's last episode ending with X1.
with e as (
    select *,
        lead(row_key) over w as next_row,
        lead(DECOM_d) over w as next_start
    from episodes
    window w as (partition by CHILD order by DECOM_d nulls first, DEC_d, row_key)
)
select 'Episodes' as table_name, row_key, CHILD as child
from e
where DEC is not null
  and (
      (REC = 'X1' and next_start is not null and DEC_d is distinct from next_start)
      or (REC is not null and REC <> 'X1' and next_start is not null and DEC_d = next_start)
      or (REC = 'X1' and next_row is null)
  )
