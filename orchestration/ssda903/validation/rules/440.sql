-- 440: Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.
-- PN0 means "child under 4 at the time of the review": a child on or after their 4th birthday fails.
select 'Reviews' as table_name, row_key, CHILD as child
from reviews
where REVIEW_CODE = 'PN0' and age(DOB_d, REVIEW_d) >= 4
