-- 210: Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.
-- UN4 means newly looked after within the last week of the year, so the child's current period of care
-- must have started on or after 24 March. The start is the latest DECOM with RNE S, else (a period that
-- began before the episodes in this return) the earliest DECOM. The sector validator reads DfE's coding the
-- other way round (failing UN4 children whose episodes start after 24 March); this follows DfE's message.
with care_start as (
    select CHILD, coalesce(max(DECOM_d) filter (where RNE = 'S'), min(DECOM_d)) as started
    from episodes
    group by CHILD
)

select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
join care_start as c on c.CHILD = h.CHILD
where h.UPN = 'UN4' and c.started < make_date(year_ending(), 3, 24)
