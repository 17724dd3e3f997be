"""What the strategy asks of people and money, shared by the checks and the plan.

The workload model (hours per week of each kind of work, who may do it, and the most that
can be staffed) and the budget model (declared amounts brought to the period, what tools
and campaigns commit) live here, below both: the checks judge them, the planner spreads
them over the calendar, and neither needs the other.
"""
