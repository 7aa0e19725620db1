-- 168: Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.
-- A UPN is 13 characters: a letter other than I, O or S, then 12 digits (or, for a temporary UPN, 11 digits
-- and a letter); or one of the unknown codes UN1-UN5. A blank UPN is left to 442.
select 'Header' as table_name, row_key, CHILD as child
from header
where UPN is not null
  and not regexp_full_match(UPN, '[A-HJ-NP-RT-Z]([0-9]{12}|[0-9]{11}[A-Z])')
  and UPN not in ('UN1', 'UN2', 'UN3', 'UN4', 'UN5')
