-- 441: Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.
-- PN1-PN7 describe how a child aged 4 or over took part; a child not yet 4 on the review date fails.
select 'Reviews' as table_name, row_key, CHILD as child
from reviews
where REVIEW_CODE in ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7') and age(DOB_d, REVIEW_d) < 4
