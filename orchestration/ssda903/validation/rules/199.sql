-- 199: Episode information shows child has been previously adopted from care.
-- uses: history
-- An episode that starts after an episode of the same child ended in adoption (REC E11 or E12), in this
-- return or any earlier one at hand: DfE checks the child's whole history, and so does the pipeline.
with adoptions as (
    select CHILD, decom_date from every_episode where REC in ('E11', 'E12')
)
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where exists (select 1 from adoptions as a where a.CHILD = e.CHILD and a.decom_date < e.DECOM_d)
