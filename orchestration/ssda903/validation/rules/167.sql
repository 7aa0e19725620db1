-- 167: Data entry for participation is invalid or blank.
-- A review (REVIEW given) needs a valid participation code; a participation code needs a review.
select 'Reviews' as table_name, row_key, CHILD as child
from reviews
where (REVIEW is not null and (REVIEW_CODE is null or REVIEW_CODE not in (select code from year_codes('REVIEW_CODE'))))
   or (REVIEW is null and REVIEW_CODE is not null)
