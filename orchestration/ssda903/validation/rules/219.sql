-- 219: The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement type recorded.
-- needs: providers
-- A URN given (other than the placeholder XXXXXXX) must be registered for the episode's placement type.
-- A URN missing from the register matches no placement type and fails too.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where e.URN is not null
  and e.URN <> 'XXXXXXX'
  and not exists (
      select 1
      from ofsted_providers as p
      where p.URN = e.URN
        and list_contains(list_transform(string_split(coalesce(p.PLACE_CODES, ''), ','), lambda c: trim(c)), e.PLACE)
  )
