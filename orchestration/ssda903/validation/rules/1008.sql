-- 1008: Ofsted Unique Reference Number (URN) is not valid.
-- needs: providers
-- A URN other than the placeholder XXXXXXX must be on the Ofsted provider register.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where e.URN is not null
  and e.URN <> 'XXXXXXX'
  and e.URN not in (select trim(cast(URN as varchar)) from ofsted_providers where URN is not null)
