-- 165: Data entry for mother status is invalid.
-- MOTHER, if given, is 0 or 1 and only for a child whose sex is not male. It may be left blank only for a
-- male, or for a child with no episode in the year other than short breaks (LS V3/V4), e.g. a care leaver
-- reported in OC3 alone. Male is 1 up to 2023/24 and M from 2024/25.
with male as (select case when year_ending() >= 2025 then 'M' else '1' end as code)

select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h, male
where (h.MOTHER is not null and h.MOTHER not in ('0', '1'))
   or (h.MOTHER is not null and h.SEX = male.code)
   or (
       h.MOTHER is null
       and coalesce(h.SEX, '') <> male.code
       and exists (
           select 1 from episodes as e
           where e.CHILD = h.CHILD
             and coalesce(e.LS, '') not in ('V3', 'V4')
             and e.DECOM_d <= collection_end()
             and coalesce(e.DEC_d, collection_end()) >= collection_start()
       )
   )
