"""Reading answers as people type them, and saying what is expected when they cannot be read."""

from __future__ import annotations

import pytest

from stratege.wizard.answers import (
    Invalid,
    format_cadence,
    format_windows,
    mix_example,
    parse_cadence,
    parse_mix,
    parse_number,
    parse_picks,
    parse_shares,
    parse_windows,
    write_number,
)
from tests.wizard.scripted import plain


def reason(error: pytest.ExceptionInfo[Invalid], lang: str) -> str:
    return plain(error.value.text(lang))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1 200,5", 1200.5), ("1,500", 1500), ("1,200.50", 1200.5), ("1.200,50", 1200.5),
     ("2,5", 2.5), ("2.5", 2.5), ("1\u202f500", 1500), ("0,125", 0.125)],
)  # fmt: skip
def test_numbers_are_read_as_either_language_writes_them(typed: str, value: float) -> None:
    assert parse_number(typed) == value


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1 500 €", 1500), ("€1,500", 1500), ("1500 EUR", 1500), ("EUR 1 500,50", 1500.5),
     ("$2,000", 2000), ("12 euros", 12)],
)  # fmt: skip
def test_amounts_may_carry_a_currency(typed: str, value: float) -> None:
    assert parse_number(typed, quantity="amount") == value


@pytest.mark.parametrize(("typed", "value"), [("2,5 %", 2.5), ("2.5%", 2.5), ("40", 40)])
def test_percentages_may_carry_a_percent_sign(typed: str, value: float) -> None:
    assert parse_number(typed, quantity="percent") == value


def test_what_cannot_be_read_is_answered_with_what_is_expected() -> None:
    with pytest.raises(Invalid) as amount:
        parse_number("12 jours", quantity="amount")
    assert reason(amount, "fr") == (
        "« 12 jours » n’est pas un montant : écrivez un nombre, par exemple 1 500 ou 1 500 €."
    )
    assert "for example 1,500 or €1,500" in reason(amount, "en")
    with pytest.raises(Invalid) as share:
        parse_number("beaucoup", quantity="percent")
    assert "par exemple 2,5 ou 2,5 %" in reason(share, "fr")
    with pytest.raises(Invalid) as unit_mismatch:
        parse_number("50 %")  # a plain number: the % sign is not silently dropped
    assert "« 50 % » n’est pas un nombre" in reason(unit_mismatch, "fr")


def test_bounds_are_said_with_the_language_s_decimal_mark() -> None:
    with pytest.raises(Invalid) as error:
        parse_number("-3", 0.5, 168)
    assert reason(error, "fr") == "Entrez un nombre entre 0,5 et 168."
    assert reason(error, "en") == "Enter a number between 0.5 and 168."
    with pytest.raises(Invalid) as unbounded:
        parse_number("-1")
    assert reason(unbounded, "en") == "Enter a number of at least 0."
    with pytest.raises(Invalid):
        parse_number("2.5", integer=True)
    with pytest.raises(Invalid):
        parse_number("inf")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("value", [1500.0, 2.5, 0.125, 33.333, 1_234_567.0])
def test_a_suggested_number_reads_back_unchanged(lang: str, value: float) -> None:
    assert parse_number(write_number(value, lang), lang=lang) == value  # type: ignore[arg-type]


def test_a_lone_comma_is_a_decimal_comma_in_french_and_groups_thousands_in_english() -> None:
    assert parse_number("1,500", lang="fr") == 1.5
    assert parse_number("1,500", lang="en") == 1500
    assert parse_number("2,5", lang="en") == 2.5
    assert parse_number("€1,500", quantity="amount", lang="en") == 1500


@pytest.mark.parametrize(
    ("typed", "cadence"),
    [("3", (3, "week")), ("3/week", (3, "week")), ("3 par semaine", (3, "week")),
     ("3 per week", (3, "week")), ("3 a week", (3, "week")), ("3 fois par semaine", (3, "week")),
     ("1/jour", (1, "day")), ("1 par jour", (1, "day")), ("10 per day", (10, "day")),
     ("2 / month", (2, "month")), ("2 par mois", (2, "month")), ("2,5 par semaine", (2.5, "week")),
     ("0.5/week", (0.5, "week"))],
)  # fmt: skip
def test_cadence_reads_per_day_week_or_month_in_words_or_with_a_slash(
    typed: str, cadence: tuple[float, str]
) -> None:
    assert parse_cadence(typed) == cadence


def test_an_unknown_cadence_unit_says_what_is_expected() -> None:
    with pytest.raises(Invalid) as error:
        parse_cadence("3 par an")
    assert reason(error, "fr").startswith("Écrivez un nombre de publications par jour, semaine")
    assert "for example 3 per week or 1 per day" in reason(error, "en")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_suggested_cadence_reads_back_unchanged(lang: str) -> None:
    assert format_cadence(7, lang) in ("1 par jour", "1 per day")  # type: ignore[arg-type]
    assert parse_cadence(format_cadence(7, lang), lang) == (1, "day")  # type: ignore[arg-type]
    assert parse_cadence(format_cadence(2.5, lang), lang) == (2.5, "week")  # type: ignore[arg-type]


def test_picks_take_numbers_or_identifiers_without_repeats() -> None:
    options = ["facebook", "instagram", "linkedin"]
    assert parse_picks("3, 1, facebook", options) == ["linkedin", "facebook"]
    assert parse_picks("-", options, minimum=0) == []
    with pytest.raises(Invalid):
        parse_picks("1 2", options, maximum=1)


def test_counts_in_messages_follow_the_language_s_plural_rules() -> None:
    with pytest.raises(Invalid) as one:
        parse_picks("", ["a", "b"])
    assert reason(one, "fr") == "Choisissez au moins 1 élément par son numéro."
    assert reason(one, "en") == "Choose at least 1 item by its number."
    with pytest.raises(Invalid) as three:
        parse_shares("100", 3)
    assert reason(three, "fr").startswith("Entrez 3 pourcentages")
    assert reason(three, "en").startswith("Enter 3 percentages")


def test_shares_and_mixes_must_add_up_to_100() -> None:
    assert parse_shares("34, 33, 33", 3) == [34, 33, 33]
    assert parse_shares("12,5; 87,5", 2) == [12.5, 87.5]
    assert parse_shares("50 %, 50 %", 2) == [50, 50]
    assert parse_mix("image=60, 1=40", ["short_text", "image"]) == {"image": 60, "short_text": 40}
    assert parse_mix("image=60 %, short_text=40%", ["short_text", "image"])["image"] == 60
    with pytest.raises(Invalid) as total:
        parse_shares("50, 20, 20", 3)
    assert reason(total, "fr") == "Les parts font 90 % au lieu de 100 %."
    with pytest.raises(Invalid):
        parse_mix("live=100", ["image"])


def test_a_mix_that_is_not_format_equals_share_shows_an_example_from_the_channel() -> None:
    formats = ["short_video", "live", "story"]
    assert mix_example(formats) == "short_video=50, live=30, story=20"
    assert mix_example(["image"]) == "image=100"
    with pytest.raises(Invalid) as error:
        parse_mix("50 50", formats)
    assert reason(error, "en") == (
        "Write each format as format=share, for example short_video=50, live=30, story=20."
    )


def test_windows_read_back_what_they_print_in_both_languages() -> None:
    windows = parse_windows("lun-ven 9h-12h; sat,sun 10:00-12:30")
    assert windows[0].days == ["mon", "tue", "wed", "thu", "fri"]
    assert format_windows(windows, "fr") == "lun-ven 09:00-12:00; sam,dim 10:00-12:30"
    assert format_windows(windows, "en") == "mon-fri 09:00-12:00; sat,sun 10:00-12:30"
    assert parse_windows(format_windows(windows, "en")) == windows
    assert parse_windows("Mercredi 08:00-10:00")[0].days == ["wed"]
    with pytest.raises(Invalid):
        parse_windows("mon 12:00-09:00")
