"""Question 4 — indicators: metric, baseline, target, deadline, consistency with objectives."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule


@rule(
    "KPI001",
    Severity.ERROR,
    4,
    title=("Métrique inconnue", "Unknown metric"),
    message=(
        "L’indicateur « {id} » utilise la métrique « {metric} », absente du catalogue.",
        "KPI '{id}' uses metric '{metric}', which is not in the catalogue.",
    ),
    hint=(
        "Choisissez une métrique du catalogue (stratege kpis) ou déclarez-la dans knowledge.kpis.",
        "Pick a catalogue metric (stratege kpis) or declare it under knowledge.kpis.",
    ),
)
def unknown_metric(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        if kpi.metric not in ctx.knowledge.kpis:
            yield ("kpis", index, "metric"), {"id": kpi.id, "metric": kpi.metric}


@rule(
    "KPI002",
    Severity.ERROR,
    4,
    title=("Objectif inconnu", "Unknown objective"),
    message=(
        "L’indicateur « {id} » mesure l’objectif « {objective} », qui n’existe pas.",
        "KPI '{id}' measures objective '{objective}', which does not exist.",
    ),
    hint=("Utilisez un identifiant de la section objectives.", "Use an id from objectives."),
)
def unknown_objective(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        if kpi.objective not in ctx.objective_ids:
            yield ("kpis", index, "objective"), {"id": kpi.id, "objective": kpi.objective}


@rule(
    "KPI003",
    Severity.WARNING,
    4,
    title=("Indicateur sans point de départ", "KPI without baseline"),
    message=(
        "L’indicateur « {id} » n’a pas de valeur de départ (baseline) : le progrès ne pourra "
        "pas être jugé.",
        "KPI '{id}' has no baseline: progress cannot be judged.",
    ),
    hint=(
        "Relevez la valeur actuelle (audit, exports des plateformes) ; 0 pour un compte nouveau.",
        "Measure today's value (audit, platform exports); 0 for a new account.",
    ),
)
def no_baseline(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        if kpi.baseline is None:
            yield ("kpis", index, "baseline"), {"id": kpi.id}


@rule(
    "KPI004",
    Severity.ERROR,
    4,
    title=("Indicateur sans cible", "KPI without target"),
    message=("L’indicateur « {id} » n’a pas de cible.", "KPI '{id}' has no target."),
    hint=(
        "Fixez une cible chiffrée (target) : un objectif non mesurable n’est pas SMART.",
        "Set a numeric target: an objective that cannot be measured is not SMART.",
    ),
)
def no_target(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        if kpi.target is None:
            yield ("kpis", index, "target"), {"id": kpi.id}


@rule(
    "KPI005",
    Severity.WARNING,
    4,
    title=("Indicateur sans échéance", "KPI without deadline"),
    message=(
        "L’indicateur « {id} » n’a pas d’échéance dans la période.",
        "KPI '{id}' has no deadline within the period.",
    ),
    hint=(
        "Donnez une échéance (deadline) entre period.start et period.end.",
        "Give a deadline between period.start and period.end.",
    ),
)
def no_deadline(ctx: Context) -> Iterator[Hit]:
    period = ctx.strategy.period
    for index, kpi in enumerate(ctx.strategy.kpis):
        if kpi.deadline is None or not period.start <= kpi.deadline <= period.end:
            yield ("kpis", index, "deadline"), {"id": kpi.id}


@rule(
    "KPI006",
    Severity.ERROR,
    4,
    title=("Cible du mauvais côté", "Target on the wrong side"),
    message=(
        "L’indicateur « {id} » ({metric}) : plus {better} est mieux, mais la cible {target} "
        "n’améliore pas le point de départ {baseline}.",
        "KPI '{id}' ({metric}): {better_en} is better, yet target {target} does not improve "
        "on baseline {baseline}.",
    ),
    hint=(
        "Inversez baseline et target, ou vérifiez la métrique choisie.",
        "Swap baseline and target, or check the metric chosen.",
    ),
)
def target_wrong_side(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        definition = ctx.knowledge.kpis.get(kpi.metric)
        if definition is None or kpi.baseline is None or kpi.target is None:
            continue
        higher = definition.direction == "higher"
        if (kpi.target <= kpi.baseline) if higher else (kpi.target >= kpi.baseline):
            yield (
                ("kpis", index, "target"),
                {
                    "id": kpi.id,
                    "metric": kpi.metric,
                    "target": kpi.target,
                    "baseline": kpi.baseline,
                    "better": "haut" if higher else "bas",
                    "better_en": "higher" if higher else "lower",
                },
            )


@rule(
    "KPI007",
    Severity.WARNING,
    4,
    title=("Métrique sans rapport avec l’objectif", "Metric inconsistent with its objective"),
    message=(
        "L’indicateur « {id} » ({metric}, famille {family}) mesure mal un objectif de type "
        "« {kind} ».",
        "KPI '{id}' ({metric}, family {family}) is a poor measure of a '{kind}' objective.",
    ),
    hint=(
        "Métriques recommandées pour ce type : {recommended}.",
        "Recommended metrics for this kind: {recommended}.",
    ),
)
def metric_off_objective(ctx: Context) -> Iterator[Hit]:
    objectives = {o.id: o for o in ctx.strategy.objectives}
    for index, kpi in enumerate(ctx.strategy.kpis):
        objective = objectives.get(kpi.objective)
        definition = ctx.knowledge.kpis.get(kpi.metric)
        kind = ctx.knowledge.objectives.get(objective.kind) if objective else None
        if not (objective and definition and kind):
            continue
        if kpi.metric not in kind.recommended_kpis and definition.family not in kind.kpi_families:
            yield (
                ("kpis", index, "metric"),
                {
                    "id": kpi.id,
                    "metric": kpi.metric,
                    "family": definition.family,
                    "kind": objective.kind,
                    "recommended": ", ".join(kind.recommended_kpis),
                },
            )


@rule(
    "KPI008",
    Severity.ERROR,
    4,
    title=("Canal inconnu", "Unknown channel"),
    message=(
        "L’indicateur « {id} » porte sur le canal « {channel} », qui n’est pas déclaré.",
        "KPI '{id}' is about channel '{channel}', which is not declared.",
    ),
    hint=("Utilisez un identifiant de la section channels.", "Use an id from channels."),
)
def unknown_channel(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        for position, channel in enumerate(kpi.channels):
            if channel not in ctx.channel_ids:
                yield ("kpis", index, "channels", position), {"id": kpi.id, "channel": channel}


@rule(
    "KPI009",
    Severity.INFO,
    4,
    title=("Source de données non précisée", "Data source not stated"),
    message=(
        "L’indicateur « {id} » ne dit pas d’où viendront les chiffres.",
        "KPI '{id}' does not say where its figures will come from.",
    ),
    hint=(
        "Précisez la source (export Meta Business Suite, LinkedIn Analytics, outil de veille…).",
        "State the source (Meta Business Suite export, LinkedIn Analytics, listening tool…).",
    ),
)
def no_source(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        if not kpi.source:
            yield ("kpis", index, "source"), {"id": kpi.id}


@rule(
    "KPI010",
    Severity.WARNING,
    4,
    title=("Pourcentage hors bornes", "Percentage out of range"),
    message=(
        "L’indicateur « {id} » est un pourcentage, mais sa {which} vaut {value} : valeur peu "
        "plausible.",
        "KPI '{id}' is a percentage, yet its {which_en} is {value}: an unlikely value.",
    ),
    hint=(
        "Saisissez les taux en pourcentage (2,5 pour 2,5 %) ; vérifiez une faute de frappe.",
        "Enter rates as percentages (2.5 for 2.5%); check for a typo.",
    ),
)
def percent_out_of_range(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        definition = ctx.knowledge.kpis.get(kpi.metric)
        if definition is None or definition.unit != "percent":
            continue
        for field, fr, en in (
            ("baseline", "valeur de départ", "baseline"),
            ("target", "cible", "target"),
        ):
            value = getattr(kpi, field)
            if value is not None and not -100 <= value <= 1000:
                yield (
                    ("kpis", index, field),
                    {"id": kpi.id, "which": fr, "which_en": en, "value": value},
                )
