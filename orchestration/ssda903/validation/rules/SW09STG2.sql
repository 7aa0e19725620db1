-- SW09STG2: Social worker episode appears to have lasted for less than 24 hours.
-- Dates only: an episode ending the day it started (or, impossibly, before) lasted less than a day.
select 'SWEpisodes' as table_name, row_key, CHILD as child
from sw_episodes
where SW_DEC_d <= SW_DECOM_d
