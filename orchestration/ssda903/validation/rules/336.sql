-- 336: Child does not have a foster placement immediately prior to being placed for adoption.
-- DfE's coding: where PL is A3 or A5 (placed for adoption with the current foster carer), the previous
-- episode's PL must be a foster or adoption placement (A3-A6, U1-U6). The child's first episode in the
-- return has no previous episode to check. (The sector validator tests A3/A4; DfE's text says A3/A5.)
with e as (
    select *,
        lag(PLACE) over w as prev_place,
        lag(row_key) over w as prev_row
    from episodes
    window w as (partition by CHILD order by DECOM_d, DEC_d, row_key)
)
select 'Episodes' as table_name, row_key, CHILD as child
from e
where PLACE in ('A3', 'A5')
  and prev_row is not null
  and coalesce(prev_place, '') not in ('A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6')
