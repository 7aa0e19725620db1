-- 118: Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.
-- DATE_PLACED_CEASED must not be before 1 April, nor before the DECOM of the child's earliest episode this
-- year that is not a short break (LS V3/V4). The decision is reported, and so is the episode when the
-- decision is before its DECOM.
with earliest as (
    select row_key, CHILD, decom
    from (
        select row_key, CHILD, DECOM_d as decom,
            row_number() over (partition by CHILD order by DECOM_d, row_key) as n
        from episodes
        where DECOM_d is not null and coalesce(LS, '') not in ('V3', 'V4')
    )
    where n = 1
),

failing as (
    select
        p.row_key as decision_key, p.CHILD,
        case when p.DATE_PLACED_CEASED_d < e.decom then e.row_key end as episode_key
    from placed_adoption as p
    left join earliest as e on e.CHILD = p.CHILD
    where p.DATE_PLACED_CEASED_d < collection_start()
       or p.DATE_PLACED_CEASED_d < e.decom
)

select 'PlacedAdoption' as table_name, decision_key as row_key, CHILD as child from failing
union all
select 'Episodes' as table_name, episode_key as row_key, CHILD as child from failing where episode_key is not null
