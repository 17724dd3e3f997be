"""The listening part of the Results section: share of voice and sentiment per brand,
alerts, customer care against the promise, a chart, in French and in English; nothing of
it without mentions or messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from stratege.services import strategies
from stratege.services.documents import document_files
from stratege.services.measuring import attach_measurement, import_exports
from stratege.services.planning import PlanResult, plan
from stratege.strategy import load_strategy

FIXTURES = Path(__file__).parents[1] / "listening" / "fixtures"
TODAY = dt.date(2027, 4, 1)


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> PlanResult:
    path = tmp_path_factory.mktemp("listening") / "boulangeries.yaml"
    strategies.example("boulangeries-martin").save(path)
    document = load_strategy(path)
    import_exports(document, [FIXTURES / "presets" / "talkwalker_mentions.csv"])
    import_exports(
        document,
        [FIXTURES / "inbound_messages.csv"],
        mapping=FIXTURES / "inbound_messages.mapping.yaml",
    )
    planned = plan(document)
    assert attach_measurement(planned)
    return planned


def _markdown(result: PlanResult, lang: str) -> str:
    files = document_files(result, "md", lang, TODAY)  # type: ignore[arg-type]
    [name] = [n for n in files if n.endswith(".md")]
    return files[name].decode("utf-8")


def _results(text: str, title: str) -> str:
    start = text.index(f"\n# {title}\n")
    return text[start : text.index("\n# ", start + 3)]


def test_the_french_results_say_what_listening_found(result: PlanResult) -> None:
    assert result.listening is not None and result.listening.mentions > 0
    section = _results(_markdown(result, "fr"), "Résultats")
    assert "Part de voix et tonalité" in section
    assert "| Boulangeries Martin |" in section and "| Boulangerie Ange |" in section
    assert "Écoute et service client dans le temps" in section  # the chart
    assert "Service client" in section and "Première réponse médiane (min)" in section
    assert "Share of voice" not in section and "Customer care" not in section


def test_the_english_results_are_english(result: PlanResult) -> None:
    section = _results(_markdown(result, "en"), "Results")
    assert "Share of voice and sentiment" in section
    assert "Customer care" in section and "Unanswered outside covered hours" in section
    assert "Part de voix" not in section


def test_the_shares_of_voice_add_up_to_a_hundred(result: PlanResult) -> None:
    assert result.listening is not None
    overall = [v for v in result.listening.volumes if v.period is None]
    assert sum(v.share_of_voice or 0 for v in overall) == pytest.approx(100)


def test_no_listening_part_without_mentions_or_messages(tmp_path: Path) -> None:
    path = tmp_path / "boulangeries.yaml"
    strategies.example("boulangeries-martin").save(path)
    document = load_strategy(path)
    planned = plan(document)
    assert not attach_measurement(planned)  # no store at all
    assert planned.listening is None
    assert "Part de voix" not in _markdown(planned, "fr")
