-- 303: If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status must be coded 1.
-- Header UASC is 1 for a child in the UASC table when a CSV return is loaded (DfE derives it so), so this
-- fails only where the header supplies UASC itself (XML) and says otherwise.
select 'UASC' as table_name, u.row_key, u.CHILD as child
from uasc as u
join header as h on h.CHILD = u.CHILD
where u.DUC is not null
  and coalesce(h.UASC, '') <> '1'
