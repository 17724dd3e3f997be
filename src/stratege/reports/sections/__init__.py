"""The sections of the strategy document, one module per section or question of the method.

Each module has one public function, ``section(context) -> Section``, built from the
shared :class:`~stratege.reports.context.Context`.
"""
