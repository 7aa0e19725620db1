-- 117: Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.
-- DATE_PLACED and DATE_PLACED_CEASED must not be after 31 March, nor after the DEC of the child's latest
-- episode (by start) whose REC is not X1: an episode ending X1 continues care, an open one has no DEC. The
-- decision is reported, and so is the episode when the decision is after its DEC.
with latest as (
    select row_key, CHILD, dec
    from (
        select row_key, CHILD, DEC_d as dec,
            row_number() over (partition by CHILD order by DECOM_d desc, row_key desc) as n
        from episodes
        where DECOM_d is not null and coalesce(REC, '') <> 'X1'
    )
    where n = 1
),

failing as (
    select
        p.row_key as decision_key, p.CHILD,
        case when p.DATE_PLACED_d > l.dec or p.DATE_PLACED_CEASED_d > l.dec then l.row_key end as episode_key
    from placed_adoption as p
    left join latest as l on l.CHILD = p.CHILD
    where p.DATE_PLACED_d > collection_end()
       or p.DATE_PLACED_CEASED_d > collection_end()
       or p.DATE_PLACED_d > l.dec
       or p.DATE_PLACED_CEASED_d > l.dec
)

select 'PlacedAdoption' as table_name, decision_key as row_key, CHILD as child from failing
union all
select 'Episodes' as table_name, episode_key as row_key, CHILD as child from failing where episode_key is not null
