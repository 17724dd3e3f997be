"""`stratege sentiment` end to end, in process: stdin or a file in, one answer per line out."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from stratege.cli.commands import full_app
from tests.e2e.cli import ENV, Ran, plain, run

LABELS = {"negative", "neutral", "positive"}


def sentiment(*args: str, stdin: bytes = b"", lang_env: str = "C.UTF-8") -> Ran:
    result = CliRunner().invoke(
        full_app(),
        ["sentiment", *args],
        input=stdin,
        env={**ENV, "LANG": lang_env},
        catch_exceptions=False,
    )
    return Ran(result.exit_code, result.stdout, result.stderr)


def test_it_prints_one_label_per_line_of_standard_input() -> None:
    ran = sentiment("--lang", "fr", stdin="J'adore !\n\nC'est nul et décevant\n".encode())
    assert ran.returncode == 0
    assert ran.stdout.splitlines() == ["positive", "neutral", "negative"]


def test_it_reads_a_file_and_dash_is_standard_input(tmp_path: Path) -> None:
    path = tmp_path / "mentions.txt"
    path.write_bytes(b"I love it\r\nworst day ever\r\n")
    from_file = sentiment(str(path), "--lang", "en")
    from_stdin = sentiment("-", "--lang", "en", stdin=path.read_bytes())
    assert from_file.stdout == from_stdin.stdout == "positive\nnegative\n"


def test_json_gives_label_scores_and_with_auto_the_language() -> None:
    ran = sentiment("--format", "json", stdin=b"Merci, c'est parfait\nThis is awful\n\n")
    records = [json.loads(line) for line in ran.stdout.splitlines()]
    assert [r["lang"] for r in records] == ["fr", "en", None]
    assert [r["label"] for r in records] == ["positive", "negative", "neutral"]
    for record in records:
        assert set(record) == {"label", "scores", "lang"}
        assert set(record["scores"]) == LABELS
        assert abs(sum(record["scores"].values()) - 1) < 1e-3


def test_json_with_a_given_language_has_no_language_field() -> None:
    ran = sentiment("--format", "json", "--lang", "en", stdin=b"great\n")
    assert set(json.loads(ran.stdout)) == {"label", "scores"}


def test_empty_input_prints_nothing() -> None:
    ran = sentiment(stdin=b"")
    assert (ran.returncode, ran.stdout) == (0, "")


def test_a_huge_line_and_a_missing_final_newline_are_fine() -> None:
    ran = sentiment("--lang", "fr", stdin=("super " * 10_000 + "\nbof").encode())
    assert ran.returncode == 0
    assert len(ran.stdout.splitlines()) == 2


def test_invalid_utf8_names_the_line_and_exits_2() -> None:
    ran = sentiment("--lang", "en", stdin=b"fine\n\xff\xfebinary\x00\n")
    assert ran.returncode == 2
    assert "Traceback" not in ran.stdout + ran.stderr
    assert "Line 2 is not UTF-8" in ran.stderr


def test_the_refusal_speaks_french_when_asked() -> None:
    ran = sentiment("--lang", "fr", stdin=b"\xc3\x28")
    assert ran.returncode == 2
    assert "La ligne 1 n’est pas du texte UTF-8" in plain(ran.stderr)


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    ran = sentiment(str(tmp_path / "absent.txt"), "--lang", "en")
    assert ran.returncode == 2
    assert "Cannot read" in ran.stderr


def test_a_folder_exits_2(tmp_path: Path) -> None:
    assert sentiment(str(tmp_path), "--lang", "en").returncode == 2


def test_the_help_is_in_french_or_english() -> None:
    """The help's language is fixed when the command starts: a real process each."""
    french = run("sentiment", "--help", lang_env="fr_FR.UTF-8").stdout
    english = run("sentiment", "--help", lang_env="C.UTF-8").stdout
    assert "un texte par ligne" in plain(french)
    assert "one text per line" in english
