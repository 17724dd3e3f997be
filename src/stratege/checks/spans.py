"""Months or years that spend more than their budget: the one loop behind the rules for
the advertising budget (ADV009) and the overall budget (RES013)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from stratege.capacity.budget import BudgetSpan, budget_spans
from stratege.checks.context import Context
from stratege.checks.registry import Hit, PathPart
from stratege.checks.values import Amount, Label, Span

ROUNDING = 0.5  # amounts are shown to the unit: half a unit over is not an overrun


def span_overruns(
    ctx: Context,
    path: tuple[PathPart, ...],
    figures: Callable[[BudgetSpan], tuple[float, float | None]],
) -> Iterator[Hit]:
    """A hit at ``path`` for each span whose planned amount exceeds the declared one;
    ``figures`` gives both for a span (declared None: nothing declared, nothing to
    exceed)."""
    currency = ctx.strategy.resources.budget.currency
    for span in budget_spans(ctx.strategy):
        planned, declared = figures(span)
        if declared is not None and planned > declared + ROUNDING:
            yield (
                path,
                {
                    "span": Span(span.first, span.last, span.unit),
                    "planned": Amount(planned, currency),
                    "declared": Amount(declared, currency),
                    "unit": Label("budget-covers", span.unit),
                },
            )
