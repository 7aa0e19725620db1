-- 166: Date of review is invalid or blank.
select 'Reviews' as table_name, row_key, CHILD as child
from reviews
where REVIEW is null or REVIEW_d is null
