"""How the warehouse is run: who answers for each asset, the jobs a user asks for, the sensor on the landing
folder and the schedules."""
