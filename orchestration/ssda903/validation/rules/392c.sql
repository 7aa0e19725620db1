-- 392c: Postcode(s) provided are invalid.
-- DfE checks postcodes against the postcode directory; the validation database holds no directory, so this
-- checks the form of a UK postcode (outward code, inward digit and two letters; case and spaces ignored).
-- A well-formed postcode that does not exist shows up as a missing distance (392a).
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where (HOME_POST is not null
       and not regexp_full_match(upper(replace(HOME_POST, ' ', '')), '[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}'))
   or (PL_POST is not null
       and not regexp_full_match(upper(replace(PL_POST, ' ', '')), '[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}'))
