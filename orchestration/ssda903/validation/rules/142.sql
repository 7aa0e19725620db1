-- 142: A new episode has started, but the previous episode has not ended.
-- Every episode but the child's latest (by DECOM; for equal DECOMs, by position in the file) must have a
-- valid DEC and a REC. Episodes without a valid DECOM are left to 141.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where e.DECOM_d is not null
  and (e.DEC_d is null or e.REC is null)
  and exists (
      select 1 from episodes as later
      where later.CHILD = e.CHILD
        and (later.DECOM_d > e.DECOM_d or (later.DECOM_d = e.DECOM_d and later.row_key > e.row_key))
  )
