-- 633: Local authority code where previous permanence option was arranged is not a valid value.
-- LA_PERM is DfE's three-digit local authority number, or WAL, SCO, NUK or NIR for outside England, or 999:
-- la_perm_codes (schemas/ssda903/la_perm_codes.csv), the sector validator's list plus the authorities
-- created since 2019 (838, 839, 940 to 943); the old codes stay valid because the order may predate the
-- reorganisation.
select 'PrevPerm' as table_name, row_key, CHILD as child
from prev_perm
where LA_PERM is not null
  and LA_PERM not in (select code from la_perm_codes)
