{{ scorecard_health_cohort_with_record('substance_misuse') }}
