"""`stratege init` (the ten questions, or a bundled example) and `stratege demo`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from stratege.bundled import DEFAULT_EXAMPLE, example_names, example_path
from stratege.checks import Severity, run_checks
from stratege.cli import report
from stratege.cli.app import EXIT_UNREADABLE, LangArg, _console, app
from stratege.i18n import pick_language, tr
from stratege.strategy import load_strategy

WRITTEN = {"fr": "Stratégie écrite dans {path}.", "en": "Strategy written to {path}."}
EXISTS = {
    "fr": "{path} existe déjà : choisissez un autre fichier ou ajoutez --force.",
    "en": "{path} already exists: choose another file or add --force.",
}
UNKNOWN_EXAMPLE = {
    "fr": "Exemple inconnu « {name} ». Exemples : {names}.",
    "en": "Unknown example '{name}'. Examples: {names}.",
}
DEMO_PACK = {
    "fr": "Document de stratégie écrit dans {folder} : {files}.",
    "en": "Strategy document written to {folder}: {files}.",
}
DEMO_NEXT = {
    "fr": "Ouvrez le document HTML ou DOCX, puis {folder}/plan/plan.xlsx ; importez "
    "{folder}/plan/calendar.ics dans votre agenda. Pour votre propre stratégie : "
    "stratege init ma-strategie.yaml",
    "en": "Open the HTML or DOCX document, then {folder}/plan/plan.xlsx; import "
    "{folder}/plan/calendar.ics into your calendar. For your own strategy: "
    "stratege init my-strategy.yaml",
}
NEXT = {
    "fr": "Prochaine étape : stratege check {path}",
    "en": "Next step: stratege check {path}",
}


@app.command()
def init(
    file: Annotated[Path, typer.Argument(help="Where to write the strategy YAML.")] = Path(
        "strategie.yaml"
    ),
    example: Annotated[
        str | None,
        typer.Option(
            "--example", help="Write a bundled example instead of asking the ten questions."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    lang: LangArg = None,
) -> None:
    """Answer the ten questions interactively and write a valid strategy file."""
    language = pick_language(lang)
    console = _console()
    if file.exists() and not force:
        console.print(tr(EXISTS, language, path=file), style="red")
        raise typer.Exit(EXIT_UNREADABLE)
    if example is not None:
        try:
            text = example_path(example).read_text(encoding="utf-8")
        except KeyError:
            names = ", ".join(example_names())
            console.print(tr(UNKNOWN_EXAMPLE, language, name=example, names=names), style="red")
            raise typer.Exit(EXIT_UNREADABLE) from None
    else:
        from stratege.cli.wizard import ask_strategy

        text = ask_strategy(console, language)
    file.write_text(text, encoding="utf-8")
    console.print(tr(WRITTEN, language, path=file), style="green")
    console.print(tr(NEXT, language, path=file))


@app.command()
def demo(
    example: Annotated[str, typer.Option("--example", help="Bundled example to show.")] = (
        DEFAULT_EXAMPLE
    ),
    out: Annotated[Path, typer.Option("--out", help="Folder for the plan's exports.")] = Path(
        "stratege-demo"
    ),
    lang: LangArg = None,
) -> None:
    """Check a bundled example, plan it, and write its strategy pack (no file needed)."""
    from stratege.cli.plan_command import show_and_export
    from stratege.planning.plan import build_plan
    from stratege.reports.render import write_pack

    document = load_strategy(example_path(example))
    language = pick_language(lang, document.strategy.language)
    console = _console()
    findings = run_checks(document.strategy)
    report.print_findings(console, findings, document, language)
    if any(f.severity is Severity.ERROR for f in findings):
        raise typer.Exit(1)
    console.print()
    plan = build_plan(document.strategy)
    show_and_export(plan, out / "plan", language)
    documents, problems = write_pack(plan, out, (language,))
    for problem in problems:
        console.print(problem, style="yellow")
    console.print(
        tr(
            DEMO_PACK,
            language,
            folder=out,
            files=", ".join(p.name for p in documents if p.suffix != ".png"),
        )
    )
    console.print(tr(DEMO_NEXT, language, folder=out))
    raise typer.Exit(1 if plan.shortfalls else 0)
