-- 234: A child aged under 10 can not change placement due to being admitted to custody
-- DfE: if the episode starts (DECOM) before the 10th birthday, the previous episode's reason for
-- placement change cannot be CUSTOD: the reason sits on the episode that ended with the move.
with e as (
    select *, lag(REASON_PLACE_CHANGE) over w as prev_reason
    from episodes
    window w as (partition by CHILD order by DECOM_d, DEC_d, row_key)
)
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from e
join header as h on h.CHILD = e.CHILD
where e.prev_reason = 'CUSTOD'
  and age(h.DOB_d, e.DECOM_d) < 10
