{{ scorecard_health_cohort_with_record('health_assessment') }}
