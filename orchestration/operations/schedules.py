"""When the period outputs are made without anyone asking.

- The scorecard, at 06:00 on the 3rd of each month, for the month just ended: month-end extracts arrive in
  the first working days, and the landing sensor has rebuilt the warehouse by then. The partition comes from
  the scorecard report's own monthly partitions (the last complete month), so the two cannot disagree.
- The 903 return, at 06:00 on 1 May, for the collection year that ended on 31 March: April gives social
  workers time to record the year's last events, and May and June are left for correcting DfE's errors before
  DfE's deadline in the summer.

Both are on when the Dagster daemon starts (`dagster dev` runs one); either can be run again by hand for
another month or year from the job's partitions.
"""

from datetime import datetime

import dagster as dg

from orchestration.operations.jobs import make_903_return, publish_scorecard
from orchestration.ssda903.export import RETURN_YEARS
from orchestration.ssda903.layouts import CollectionYear

TIMEZONE = "Europe/London"

monthly_scorecard = dg.build_schedule_from_partitioned_job(
    publish_scorecard,
    name="monthly_scorecard",
    description="Publish the scorecard for the month just ended, at 06:00 on the 3rd of each month.",
    day_of_month=3,
    hour_of_day=6,
    default_status=dg.DefaultScheduleStatus.RUNNING,
)


def year_just_ended(day: datetime) -> CollectionYear:
    """The collection year whose 31 March is the most recent on or before `day`."""
    return CollectionYear(CollectionYear.containing(day.date()).ending - 1)


@dg.schedule(
    job=make_903_return,
    cron_schedule="0 6 1 5 *",
    execution_timezone=TIMEZONE,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Make the 903 return for the collection year that ended on 31 March, at 06:00 on 1 May.",
)
def annual_903_return(context: dg.ScheduleEvaluationContext):
    year = year_just_ended(context.scheduled_execution_time or datetime.now())
    if year.folder not in RETURN_YEARS.get_partition_keys():
        return dg.SkipReason(
            f"no 903 layouts for {year}: add the year to schemas/ssda903/layouts.yaml to make its return"
        )
    # One run per year: a tick retried after a crash does not make the return twice.
    return dg.RunRequest(run_key=f"903-{year.folder}", partition_key=year.folder)
