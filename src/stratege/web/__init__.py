"""The web application: workspaces and roles, the ten questions in the browser with live
diagnostics, versions and approval, the plan as a working calendar (Django 5.2).

It calls the core only through :mod:`stratege.services` and the strategy model; the core
never imports it, and neither does the command line (``stratege serve`` starts it as its
own module: ``python -m stratege.web``). Import-linter contracts keep those arrows.
"""
