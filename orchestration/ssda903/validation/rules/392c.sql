-- 392c: Postcode(s) provided are invalid.
-- needs: postcodes
-- DfE checks each postcode against the postcode directory: a home or placement postcode given must be one
-- the ONS Postcode Directory holds, live or terminated (case and spaces ignored). The shipped directory has
-- every UK postcode; CLA_POSTCODES points at a newer one.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where (e.HOME_POST is not null
       and replace(upper(e.HOME_POST), ' ', '') not in (select postcode from postcode_directory))
   or (e.PL_POST is not null
       and replace(upper(e.PL_POST), ' ', '') not in (select postcode from postcode_directory))
