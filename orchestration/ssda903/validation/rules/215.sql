-- 215: Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.
-- A care leaver (any OC3 item) has no OC2 yes/no items; both rows are reported.
with failing as (
    select o3.row_key as oc3_key, o2.row_key as oc2_key, o3.CHILD
    from oc3 as o3
    join oc2 as o2 on o2.CHILD = o3.CHILD
    where coalesce(o3.IN_TOUCH, o3.ACTIV, o3.ACCOM) is not null
      and coalesce(o2.CONVICTED, o2.HEALTH_CHECK, o2.IMMUNISATIONS, o2.TEETH_CHECK, o2.HEALTH_ASSESSMENT,
                   o2.SUBSTANCE_MISUSE, o2.INTERVENTION_RECEIVED, o2.INTERVENTION_OFFERED) is not null
)

select 'OC3' as table_name, oc3_key as row_key, CHILD as child from failing
union all
select 'OC2' as table_name, oc2_key as row_key, CHILD as child from failing
