"""From strategy to operational plan: workload now; calendar, budget and more to come."""
