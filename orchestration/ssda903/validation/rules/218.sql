-- 218: Ofsted Unique reference number (URN) is required.
-- Episodes open on or after 1 April need the provision's Ofsted URN, except placements Ofsted does not
-- register (P1, P3, R1, R2, R5, temporary moves T0-T4, other placements Z1/Z11-Z14; up to 2023/24 also H5
-- and P2) and placements outside England (PL_LA CON, NIR, SCO, WAL, NUK).
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where URN is null
  and (DEC_d >= collection_start() or DEC is null)
  and coalesce(PLACE, '') not in (
      'P1', 'P3', 'R1', 'R2', 'R5', 'T0', 'T1', 'T2', 'T3', 'T4', 'Z1', 'Z11', 'Z12', 'Z13', 'Z14'
  )
  and not (year_ending() <= 2024 and PLACE in ('H5', 'P2'))
  and coalesce(upper(PL_LA), '') not in ('CON', 'NIR', 'SCO', 'WAL', 'NUK')
