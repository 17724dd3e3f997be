"""Mentions into the store: one row per mention and brand its query names, sentiment kept
beside the source tool's, corrections in force across imports, ambassadors flagged."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import ibis
import pytest
from typer.testing import CliRunner

from stratege.cli.app import app
from stratege.cli.commands import register
from stratege.knowledge.loader import load_knowledge
from stratege.measure.engine import KpiEngine
from stratege.strategy import load_strategy
from tests.listening.listen_store import MENTION_MAPPING as MAPPING

EXAMPLE = Path(__file__).parents[2] / "examples" / "boulangeries-martin.yaml"
HEADER = "Date,Source,Author,Text,URL,Reach,Sentiment,Language\n"
ROWS = [
    "2027-03-01 09:00,twitter.com,@alice,J'adore les croissants des Boulangeries Martin !,"
    "https://x.com/alice/status/1,1200,Positive,",
    '2027-03-01 10:00,instagram,@bob,"Boulangerie Ange, pain rassis, très déçu",'
    "https://instagram.com/p/2,300,négatif,fr",
    "2027-03-02 11:00,lefigaro.fr,Le Figaro,Les Boulangeries Martin ouvrent à Nantes,"
    "https://www.lefigaro.fr/a,50000,,FR-fr",
    "2027-03-02 12:00,facebook,@carl,Rien à voir avec le pain,https://facebook.com/3,10,neutral,",
    '2027-03-03 08:00,,@dora,"Boulangeries Martin ou Boulangerie Ange ? Les deux, sans hésiter",'
    "https://www.tiktok.com/@dora/video/4,900,,",
    "2027-03-03 09:00,x,@erin,I love Boulangeries Martin bread,https://x.com/erin/5,40,,en",
]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLE, tmp_path / "s.yaml")
    (tmp_path / "m.yaml").write_text(MAPPING, encoding="utf-8")
    (tmp_path / "mentions.csv").write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    return tmp_path


def _run(*args: str) -> tuple[int, str]:
    register()
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def _import(folder: Path, *extra: str, name: str = "mentions.csv") -> tuple[int, str]:
    return _run(
        "import",
        str(folder / "s.yaml"),
        str(folder / name),
        "--mapping",
        str(folder / "m.yaml"),
        "--lang",
        "en",
        *extra,
    )


def _rows(folder: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(folder / "s.data.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_each_mention_is_stored_once_per_brand_its_query_names(folder: Path) -> None:
    code, output = _import(folder)
    assert code == 0, output
    # @carl names no brand; @erin writes English, and the strategy listens to French only
    assert "2 mentions named no brand" in output
    rows = _rows(
        folder,
        "SELECT mention_id, account, owner, platform, is_own_brand FROM mention "
        "ORDER BY mention_id, account",
    )
    assert rows == [
        ("https://instagram.com/p/2", "ange", "ange", "instagram", 0.0),
        ("https://www.lefigaro.fr/a", "own", "own", "other", 1.0),
        ("https://www.tiktok.com/@dora/video/4", "ange", "ange", "tiktok", 0.0),
        ("https://www.tiktok.com/@dora/video/4", "own", "own", "tiktok", 1.0),
        ("https://x.com/alice/status/1", "own", "own", "x", 1.0),
    ]


def test_the_source_tools_label_is_kept_beside_the_models(folder: Path) -> None:
    assert _import(folder)[0] == 0
    rows = dict(
        (r[0], r[1:])
        for r in _rows(
            folder,
            "SELECT mention_id, source_sentiment, model_sentiment, sentiment, positive, "
            "negative, language FROM mention WHERE account = 'own' OR mention_id LIKE '%p/2'",
        )
    )
    assert rows["https://x.com/alice/status/1"] == ("positive", "positive", 1.0, 1.0, 0.0, "fr")
    assert rows["https://instagram.com/p/2"] == ("negative", "negative", -1.0, 0.0, 1.0, "fr")
    # no label from the tool: the model's alone; "FR-fr" is French
    figaro = rows["https://www.lefigaro.fr/a"]
    assert figaro[0] is None and figaro[1] in ("neutral", "positive") and figaro[-1] == "fr"


def test_share_of_voice_comes_from_the_kpi_engine(folder: Path) -> None:
    assert _import(folder)[0] == 0
    con = duckdb.connect(str(folder / "s.data.duckdb"), read_only=True)
    try:
        knowledge = load_knowledge(load_strategy(folder / "s.yaml").strategy.knowledge)
        engine = KpiEngine(ibis.duckdb.from_connection(con), knowledge)
        values = engine.compute("share_of_voice", period="all")
        # five brand rows, three of them own
        assert [round(v.value or 0, 6) for v in values] == [60.0]
        own = engine.compute("mentions_volume", period="all", owners=["own"])
        assert [v.value for v in own] == [3.0]
    finally:
        con.close()


def test_the_same_file_again_adds_nothing(folder: Path) -> None:
    assert _import(folder)[0] == 0
    code, output = _import(folder)
    assert code == 0 and "already imported" in output
    assert _rows(folder, "SELECT count(*) FROM mention") == [(5,)]


def test_changed_queries_read_the_file_again_and_forget_brands_no_longer_named(
    folder: Path,
) -> None:
    assert _import(folder)[0] == 0
    strategy = folder / "s.yaml"
    text = strategy.read_text(encoding="utf-8")
    text = text.replace(
        '- {owner: ange, query: \'"boulangerie ange"', '- {owner: ange, query: \'"rien du tout"'
    )
    strategy.write_text(text, encoding="utf-8")
    code, output = _import(folder)
    assert code == 0 and "already imported" not in output, output
    assert _rows(folder, "SELECT DISTINCT account FROM mention") == [("own",)]


def test_a_competitors_file_is_all_that_competitors(folder: Path) -> None:
    code, output = _import(folder, "--competitor", "ange")
    assert code == 0, output
    assert _rows(folder, "SELECT DISTINCT owner, is_own_brand FROM mention") == [("ange", 0.0)]


def test_a_correction_is_in_force_and_survives_a_new_import(folder: Path) -> None:
    assert _import(folder)[0] == 0
    link = "https://www.lefigaro.fr/a"
    code, output = _run("relabel", str(folder / "s.yaml"), link, "negative", "--note", "ironic")
    assert code == 0, output
    assert "votre correction" in output  # the strategy is French
    assert _rows(folder, f"SELECT sentiment FROM mention WHERE mention_id = '{link}'") == [(-1.0,)]
    # the file again under other queries: imported afresh, the correction still holds
    strategy = folder / "s.yaml"
    strategy.write_text(
        strategy.read_text(encoding="utf-8").replace(
            "listening:\n  languages: [fr]", "listening:\n  languages: [fr, en]"
        ),
        encoding="utf-8",
    )
    assert "already imported" not in _import(folder)[1]
    assert _rows(
        folder,
        f"SELECT sentiment, negative, model_sentiment FROM mention WHERE mention_id = '{link}'",
    )[0][:2] == (-1.0, 1.0)
    assert _rows(folder, "SELECT note FROM sentiment_corrections") == [("ironic",)]
    # English is listened to now: @erin's mention is kept
    assert _rows(folder, "SELECT count(*) FROM mention WHERE author = '@erin'") == [(1,)]


def test_relabel_of_an_unknown_mention_says_so(folder: Path) -> None:
    assert _import(folder)[0] == 0
    code, output = _run("relabel", str(folder / "s.yaml"), "nope", "positive", "--lang", "en")
    assert code == 2
    assert "No mention 'nope'" in output


def test_an_author_who_praises_the_brand_repeatedly_is_an_ambassador(folder: Path) -> None:
    praise = [
        f"2027-03-0{day} 10:00,instagram,@fan,Merci Boulangeries Martin pour ce pain délicieux,"
        f"https://instagram.com/p/f{day},5000,positive,fr"
        for day in (4, 5, 6)
    ]
    once = "2027-03-07 10:00,x,@once,Boulangeries Martin au top,https://x.com/once/1,9,positive,fr"
    (folder / "more.csv").write_text(HEADER + "\n".join([*praise, once]) + "\n", encoding="utf-8")
    assert _import(folder, name="more.csv")[0] == 0
    flagged = _rows(
        folder, "SELECT author, max(is_ambassador) FROM mention GROUP BY author ORDER BY author"
    )
    assert flagged == [("@fan", 1.0), ("@once", 0.0)]
