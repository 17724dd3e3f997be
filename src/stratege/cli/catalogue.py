"""Listings of reference material: the rules and the KPI catalogue."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table

from stratege.checks import Rule
from stratege.i18n import Lang, tr
from stratege.knowledge import load_knowledge

HEADERS = {
    "rules": {
        "fr": ("Code", "Gravité", "Question", "Règle"),
        "en": ("Code", "Severity", "Question", "Rule"),
    },
    "kpis": {
        "fr": ("Métrique", "Famille", "Formule", "Unité", "Sens"),
        "en": ("Metric", "Family", "Formula", "Unit", "Better"),
    },
}


def print_rules(console: Console, rules: list[Rule], output: str, lang: Lang) -> None:
    if output == "json":
        records = [
            {
                "code": r.code,
                "severity": str(r.severity),
                "question": r.question,
                "title": {"fr": r.title[0], "en": r.title[1]},
            }
            for r in rules
        ]
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return
    table = Table(*HEADERS["rules"][lang], show_lines=False)
    for r in sorted(rules, key=lambda r: (r.question, r.code)):
        table.add_row(r.code, str(r.severity), str(r.question), r.text(r.title, lang))
    console.print(table)


def print_kpis(console: Console, output: str, lang: Lang) -> None:
    knowledge = load_knowledge()
    if output == "json":
        records = {k: v.model_dump() for k, v in knowledge.kpis.items()}
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return
    table = Table(*HEADERS["kpis"][lang])
    for metric_id, kpi in knowledge.kpis.items():
        name = tr(kpi.name, lang)
        table.add_row(f"{metric_id}\n{name}", kpi.family, kpi.formula, kpi.unit, kpi.direction)
    console.print(table)
