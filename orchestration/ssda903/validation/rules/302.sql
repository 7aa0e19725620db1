-- 302: First episode starts before child was born.
with first_episode as (
    select CHILD, min(DECOM_d) as first_decom
    from episodes
    group by CHILD
)
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
join first_episode as f on f.CHILD = h.CHILD
where f.first_decom < h.DOB_d
