-- 432: The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.
-- The previous episode ended with a reason that ends care (any REC but X1), so this episode starts a new
-- period of care: RNE S.
with e as (
    select *, lag(REC) over w as prev_rec
    from episodes
    window w as (partition by CHILD order by DECOM_d, DEC_d, row_key)
)
select 'Episodes' as table_name, row_key, CHILD as child
from e
where prev_rec in ('E11', 'E12', 'E13', 'E14', 'E15', 'E16', 'E17', 'E2', 'E3', 'E41', 'E45', 'E46', 'E47',
                   'E48', 'E4A', 'E4B', 'E5', 'E6', 'E7', 'E8', 'E9')
  and coalesce(RNE, '') <> 'S'
