-- 199: Episode information shows child has been previously adopted from care.
-- An episode that starts after an episode of the same child ended in adoption (REC E11 or E12). Last year's
-- episodes are used when supplied: DfE checks the child's whole history, this return sees two years at most.
with adoptions as (
    select CHILD, d(DECOM) as decom from episodes where REC in ('E11', 'E12')
    union all
    select CHILD, d(DECOM) as decom from episodes_last where REC in ('E11', 'E12')
)

select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where exists (select 1 from adoptions as a where a.CHILD = e.CHILD and a.decom < d(e.DECOM))
