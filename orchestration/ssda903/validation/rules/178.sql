-- 178: Placement provider code is not a valid code.
-- A provider code, when given, must be PR0-PR5, and is not valid for placements that have no provider:
-- temporary moves T0-T3 and other placements (T4 and Z1 up to 2024/25; Z11-Z14 from 2025/26). A blank
-- provider is left to 526.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE_PROVIDER is not null
  and (
      PLACE_PROVIDER not in (select code from year_codes('PLACE_PROVIDER'))
      or PLACE in ('T0', 'T1', 'T2', 'T3')
      or (year_ending() <= 2025 and PLACE in ('T4', 'Z1'))
      or (year_ending() >= 2026 and PLACE in ('Z11', 'Z12', 'Z13', 'Z14'))
  )
