-- 620: Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.
-- Her age is taken at the start of the collection year: 11th birthday after 1 April fails.
select 'Header' as table_name, row_key, CHILD as child
from header
where MOTHER = '1'
  and DOB_d + interval 11 year > collection_start()
