-- 243: Only placements with providers registered with Ofsted should have a URN reported.
-- DfE (new in 2025/26): a placement outside England (PL_LA CON, NIR, SCO, WAL or NUK) is with a provider
-- Ofsted does not register, so its URN is blank; the placeholder XXXXXXX is a URN reported too.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where upper(PL_LA) in ('CON', 'NIR', 'SCO', 'WAL', 'NUK')
  and URN is not null
