{#- Working days are Monday to Friday: bank holidays are not known (macros/add_working_days.sql). -#}

{{ scorecard_initial_health_assessments_on_time(deadline='referral_deadline_date', done='referred_date') }}
