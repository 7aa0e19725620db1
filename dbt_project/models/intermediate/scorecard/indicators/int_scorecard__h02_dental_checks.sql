{{ scorecard_health_cohort_with_record('dental_check') }}
