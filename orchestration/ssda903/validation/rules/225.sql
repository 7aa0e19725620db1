-- 225: Reason for placement change must be recorded.
-- An episode that ends with X1 and is followed by a change of placement (next RNE P, B, T or U) needs a
-- reason for the change, unless either placement is temporary (T0-T4), which rule 226 covers.
with e as (
    select *,
        lead(RNE) over w as next_rne,
        lead(PLACE) over w as next_place
    from episodes
    window w as (partition by CHILD order by DECOM_d, DEC_d, row_key)
)
select 'Episodes' as table_name, row_key, CHILD as child
from e
where REC = 'X1'
  and REASON_PLACE_CHANGE is null
  and coalesce(PLACE, '') not in ('T0', 'T1', 'T2', 'T3', 'T4')
  and next_rne in ('P', 'B', 'T', 'U')
  and coalesce(next_place, '') not in ('T0', 'T1', 'T2', 'T3', 'T4')
