{#- Working days are Monday to Friday: bank holidays are not known (macros/add_working_days.sql). -#}

{{ scorecard_initial_health_assessments_on_time(deadline='assessment_deadline_date', done='completed_date') }}
