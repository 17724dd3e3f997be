"""Reference listings: the rules, the KPI catalogue, the platforms, formats and skills a
strategy can name, and the JSON Schema for editors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from stratege.cli.app import FormatArg, LangArg, OutputFormat, _, app
from stratege.cli.output import console, load_or_exit
from stratege.i18n import Lang, pick_language
from stratege.i18n.catalogue import N_, translator

if TYPE_CHECKING:
    from stratege.knowledge import Knowledge

OptionalStrategy = Annotated[
    Path | None,
    typer.Argument(help=_(N_("A strategy file: include its own knowledge additions."))),
]


@app.command(help=_(N_("List every coherence rule: code, severity, question and title.")))
def rules(output: FormatArg = OutputFormat.text, lang: LangArg = None) -> None:
    from stratege.checks import RULES
    from stratege.questions import question
    from stratege.vocabulary import label

    language = pick_language(lang)
    rows: list[dict[str, Any]] = [
        {
            "code": r.code,
            "severity": str(r.severity),
            "question": r.question,
            "title": r.text(r.title, language),
        }
        for r in sorted(RULES.values(), key=lambda r: (r.question, r.code))
    ]
    if output is OutputFormat.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    t = translator(language)
    table = _table(t(N_("Code")), t(N_("Severity")), t(N_("Question")), t(N_("Rule")))
    for row in rows:
        severity = label("severity", row["severity"], language)
        table.add_row(
            row["code"], severity, question(row["question"]).title(language), row["title"]
        )
    console().print(table)


@app.command(
    help=_(N_("List the KPI catalogue: metric id, name, family, formula, unit, direction."))
)
def kpis(
    file: OptionalStrategy = None, output: FormatArg = OutputFormat.text, lang: LangArg = None
) -> None:
    from stratege.vocabulary import Words

    knowledge, language = _knowledge(file, lang)
    words = Words(language, knowledge)
    rows = [
        {
            "id": metric_id,
            "name": words.metric(metric_id),
            "family": words("kpi-family", kpi.family),
            "formula": kpi.formula,
            "unit": words("unit", kpi.unit),
            "direction": words("direction", kpi.direction),
            "description": words("metric-description", metric_id),
        }
        for metric_id, kpi in knowledge.kpis.items()
    ]
    t = translator(language)
    headers = (N_("Metric"), N_("Name"), N_("Family"), N_("Formula"), N_("Unit"), N_("Better"))
    _print(
        rows,
        output,
        [t(h) for h in headers],
        ["id", "name", "family", "formula", "unit", "direction"],
    )


@app.command(help=_(N_("List the platforms a channel can use: id, name, formats, cadence.")))
def platforms(
    file: OptionalStrategy = None, output: FormatArg = OutputFormat.text, lang: LangArg = None
) -> None:
    from stratege.i18n.numbers import num
    from stratege.vocabulary import Words

    knowledge, language = _knowledge(file, lang)
    words = Words(language, knowledge)
    t = translator(language)
    rows = [
        {
            "id": platform_id,
            "name": words.platform(platform_id),
            "formats": ", ".join(words.many("format", p.formats)),
            "cadence": t(
                N_("{low} to {high} a week (typically {typical})"),
                low=num(p.cadence.min, language, 1),
                high=num(p.cadence.max, language, 1),
                typical=num(p.cadence.typical, language, 1),
            ),
        }
        for platform_id, p in knowledge.platforms.items()
    ]
    headers = [t(N_("Platform")), t(N_("Name")), t(N_("Formats")), t(N_("Reference cadence"))]
    _print(rows, output, headers, ["id", "name", "formats", "cadence"])


@app.command(help=_(N_("List the content formats: id, name, production effort and skills.")))
def formats(
    file: OptionalStrategy = None, output: FormatArg = OutputFormat.text, lang: LangArg = None
) -> None:
    from stratege.i18n.numbers import num
    from stratege.vocabulary import Words

    knowledge, language = _knowledge(file, lang)
    words = Words(language, knowledge)
    t = translator(language)
    rows = [
        {
            "id": format_id,
            "name": words.format(format_id),
            "effort": ", ".join(
                t(N_("{skill} {hours} h"), skill=words.skill(s), hours=num(h, language, 2))
                for s, h in f.effort.items()
            ),
            "skills": ", ".join(words.many("skill", f.skills)),
        }
        for format_id, f in knowledge.formats.items()
    ]
    headers = [t(N_("Format")), t(N_("Name")), t(N_("Hours per post")), t(N_("Skills needed"))]
    _print(rows, output, headers, ["id", "name", "effort", "skills"])


@app.command(help=_(N_("List the skills people can have (resources.people[].skills).")))
def skills(
    file: OptionalStrategy = None, output: FormatArg = OutputFormat.text, lang: LangArg = None
) -> None:
    from stratege.vocabulary import Words

    knowledge, language = _knowledge(file, lang)
    words = Words(language, knowledge)
    rows = [{"id": skill, "name": words.skill(skill)} for skill in knowledge.skills]
    t = translator(language)
    _print(rows, output, [t(N_("Skill")), t(N_("Name"))], ["id", "name"])


@app.command(
    help=_(
        N_(
            "Print the JSON Schema of strategy files, for editor completion; with a strategy "
            "file, its own knowledge additions are included."
        )
    )
)
def schema(file: OptionalStrategy = None, lang: LangArg = None) -> None:
    from stratege.services.schema import strategy_schema

    knowledge, language = _knowledge(file, lang)
    print(json.dumps(strategy_schema(language, knowledge), ensure_ascii=False, indent=2))


def _knowledge(file: Path | None, lang: str | None) -> tuple[Knowledge, Lang]:
    from stratege.knowledge import load_knowledge

    if file is None:
        return load_knowledge(), pick_language(lang)
    strategy = load_or_exit(file, lang).strategy
    return load_knowledge(strategy.knowledge), pick_language(lang, strategy.language)


def _table(*headers: str):  # type: ignore[no-untyped-def]
    from rich.table import Table

    table = Table(show_lines=False)
    for index, header in enumerate(headers):
        # ids are never cut: the first column folds nothing and keeps its full width
        table.add_column(header, no_wrap=index == 0, overflow="fold", min_width=None)
    return table


def _print(
    rows: list[dict[str, Any]], output: OutputFormat, headers: list[str], keys: list[str]
) -> None:
    if output is OutputFormat.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = _table(*headers)
    widest = max((len(str(r[keys[0]])) for r in rows), default=0)
    table.columns[0].min_width = widest
    for row in rows:
        table.add_row(*(str(row[k]) for k in keys))
    console().print(table)
