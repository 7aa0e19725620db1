-- 446: E1 is not a valid code for episodes starting before December 2005.
-- Placement orders (E1) came in with the Adoption and Children Act 2002 in December 2005; DfE's cut-off is 1 December 2005.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where LS = 'E1' and DECOM_d < DATE '2005-12-01'
