-- 399: Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.
-- Only children whose every episode is a short break (V3/V4): a child also looked after otherwise needs
-- these items. Fails every episode of such a child with MOTHER, or any review date or participation code.
with short_breaks_only as (
    select CHILD
    from episodes
    group by CHILD
    having bool_and(coalesce(LS, '') in ('V3', 'V4'))
)
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where e.CHILD in (select CHILD from short_breaks_only)
  and (
      exists (select 1 from header as h where h.CHILD = e.CHILD and h.MOTHER is not null)
      or exists (
          select 1 from reviews as r
          where r.CHILD = e.CHILD and (r.REVIEW is not null or r.REVIEW_CODE is not null)
      )
  )
