-- 383: A child in a temporary placement must subsequently return to his/her normal placement.
-- After a temporary placement (T0-T4) the child returns to the placement they had before it: the episode
-- after the temporary one has RNE P and the placement type and placement postcode of the episode before it
-- (postcodes compared upper-cased without spaces; two blanks agree).
with e as (
    select *,
        lag(PLACE, 1) over w as temp_place,
        lag(PLACE, 2) over w as before_place,
        lag(PL_POST, 2) over w as before_post,
        lag(row_key, 2) over w as before_row
    from episodes
    window w as (partition by CHILD order by DECOM_d, DEC_d, row_key)
)
select 'Episodes' as table_name, row_key, CHILD as child
from e
where temp_place in ('T0', 'T1', 'T2', 'T3', 'T4')
  and before_row is not null
  and (coalesce(RNE, '') <> 'P'
       or PLACE is distinct from before_place
       or upper(replace(PL_POST, ' ', '')) is distinct from upper(replace(before_post, ' ', '')))
