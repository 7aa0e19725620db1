"""How the warehouse runs itself: the jobs a user asks for, the sensor on the landing folder and the schedules.
Only wiring lives here; what the assets do is in the product packages."""
