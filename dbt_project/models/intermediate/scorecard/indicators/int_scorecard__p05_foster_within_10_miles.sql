{{ scorecard_fostered_within_miles(10) }}
