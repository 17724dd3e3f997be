"""Reading typed answers: numbers, amounts, percentages, dates, picks, shares, windows, cadences.

Every parser takes the raw text a person typed and returns a value, or raises ``Invalid``
with a gettext message id and its values, worded in the reader's language only when shown.
People write numbers the way their language does ("1 500 €", "2,5 %", "€1,500", "2.5%",
"3 par semaine", "3 per week"), so the parsers read all of these. Nothing here touches the
terminal, so the web wizard can reuse the same rules.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Literal

from stratege.i18n import LANGUAGES, Lang
from stratege.i18n.catalogue import N_, plural, translator
from stratege.i18n.numbers import day, num
from stratege.timewindow import WEEK_DAYS, TimeWindow
from stratege.vocabulary import label
from stratege.wizard.suggest import cadence_of

Quantity = Literal["number", "amount", "percent"]

NONE_MARKS = ("-", "0")
REMOVE = "-"  # typed instead of an existing item: remove it
YES = ("o", "oui", "y", "yes")
NO = ("n", "non", "no")
PERIOD_WORDS = {
    "day": ("d", "day", "days", "daily", "j", "jour", "jours", "jr", "quotidien"),
    "week": ("w", "wk", "week", "weeks", "weekly", "s", "sem", "semaine", "semaines", "hebdo"),
    "month": ("m", "mo", "month", "months", "monthly", "mois", "mensuel"),
}
SPACES = re.compile(r"[\s\u00a0\u202f']")
THOUSANDS_COMMAS = re.compile(r"-?[1-9]\d{0,2}(,\d{3})+")
CURRENCY = r"(?:[€$£¥]|[a-z]{3}|euros?|dollars?|francs?|livres?|pounds?)"
MARKS: dict[Quantity, re.Pattern[str] | None] = {
    "number": None,  # nothing to strip
    "amount": re.compile(rf"^{CURRENCY}\s*|\s*{CURRENCY}$", re.IGNORECASE),
    "percent": re.compile(r"\s*(?:%|pct|percent|pour\s*cent)$", re.IGNORECASE),
}
NOT_A: dict[Quantity, str] = {
    "number": N_("'{raw}' is not a number."),
    "amount": N_("'{raw}' is not an amount: write a number, for example 1,500 or €1,500."),
    "percent": N_("'{raw}' is not a percentage: write a number, for example 2.5 or 2.5%."),
}
NEEDED = N_("An answer is needed here.")
CADENCE = re.compile(
    r"(?P<number>\d[\d\s.,\u00a0\u202f]*?)\s*"
    r"(?:x|×|fois|times|posts?|publications?)?\s*"
    r"(?:/|par|per|a|each|every|chaque|tou(?:te)?s\s+les)?\s*"
    r"(?P<unit>[^\d\s/]*)",
    re.IGNORECASE,
)


class Invalid(ValueError):
    """An answer that cannot be used: a gettext message id and its values, worded at display
    time, so the same reason reads right in whichever language the wizard speaks by then.
    With ``many`` and ``count``, the message is a plural (``ngettext``)."""

    def __init__(
        self, message: str, /, many: str | None = None, count: int = 1, **values: object
    ) -> None:
        super().__init__(message)
        self.message = message
        self.many = many
        self.count = count
        self.values = values

    @classmethod
    def plural(cls, count: int, singular: str, many: str, /, **values: object) -> Invalid:
        """A reason that counts something: ``singular`` or ``many`` as ``count`` requires
        in the reader's language (``{count}`` is filled in). Named like
        :func:`stratege.i18n.catalogue.plural`, so extraction finds both message ids."""
        return cls(singular, many, count, **values)

    def text(self, lang: Lang) -> str:
        """The reason in ``lang``, numbers and dates written as that language does."""
        values = shown_values(self.values, lang)
        if self.many is not None:
            return plural(lang, self.message, self.many, self.count, **values)
        return translator(lang)(self.message, **values)


def shown_values(values: Mapping[str, object], lang: Lang) -> dict[str, object]:
    """Values ready for a sentence: numbers and dates as ``lang`` writes them."""
    return {key: _shown(value, lang) for key, value in values.items()}


def _shown(value: object, lang: Lang) -> object:
    if isinstance(value, Invalid):
        return value.text(lang)  # a reason inside a sentence ("… : permission denied")
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return num(value, lang, 2)
    if isinstance(value, dt.date):
        return day(value, lang)
    return value


# --- numbers ------------------------------------------------------------------------------


def parse_number(
    raw: str,
    minimum: float = 0,
    maximum: float = math.inf,
    integer: bool = False,
    quantity: Quantity = "number",
    lang: Lang | None = None,
) -> float:
    """A number as people write it: "1 500,5", "1,500.5", "2,5"; with ``quantity`` "amount"
    a currency sign or code may come first or last ("1 500 €", "€1,500", "1500 EUR"), with
    "percent" a % sign may follow ("2,5 %"). ``lang`` settles "1,500": one and a half in
    French, fifteen hundred in English (and, without a language, when the comma groups
    thousands)."""
    text = raw.strip()
    if not text:
        raise Invalid(NEEDED)
    marks = MARKS[quantity]
    value = _read_number(marks.sub("", text) if marks else text, lang)
    if value is None:
        raise Invalid(NOT_A[quantity], raw=text)
    if integer and not value.is_integer():
        raise Invalid(N_("Enter a whole number."))
    _check_range(value, minimum, maximum)
    return int(value) if integer else value


def parse_optional(
    raw: str,
    minimum: float = 0,
    maximum: float = math.inf,
    quantity: Quantity = "number",
    lang: Lang | None = None,
) -> float | None:
    """A number, or None for an empty answer (not known yet)."""
    if not raw.strip():
        return None
    return parse_number(raw, minimum, maximum, quantity=quantity, lang=lang)


def _read_number(text: str, lang: Lang | None) -> float | None:
    """The value of ``text`` once spaces are gone and the decimal mark is known: with both
    a comma and a point, the last one is the decimal mark; a comma alone is a decimal
    comma in French, and elsewhere too unless it groups thousands ("1,500")."""
    cleaned = SPACES.sub("", text)
    if "," in cleaned and "." in cleaned:
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        cleaned = cleaned.replace(thousands, "").replace(decimal, ".")
    elif lang != "fr" and THOUSANDS_COMMAS.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    else:
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", cleaned):
        return None
    value = float(cleaned)
    return value if math.isfinite(value) else None


def _check_range(value: float, minimum: float, maximum: float) -> None:
    if minimum <= value <= maximum:
        return
    if math.isfinite(maximum):
        raise Invalid(
            N_("Enter a number between {low} and {high}."),
            low=float(minimum),
            high=float(maximum),
        )
    raise Invalid(N_("Enter a number of at least {low}."), low=float(minimum))


def write_number(value: float, lang: Lang) -> str:
    """A number as a default answer: written as ``lang`` does, and read back unchanged."""
    return num(value, lang, 6)


# --- yes/no, dates, text ------------------------------------------------------------------


def parse_yes_no(raw: str) -> bool:
    answer = raw.strip().lower()
    if answer in YES:
        return True
    if answer in NO:
        return False
    raise Invalid(N_("Answer y (yes) or n (no)."))


def parse_date(raw: str) -> dt.date:
    """A date as 2027-01-31 or 31/01/2027."""
    text = raw.strip()
    try:
        if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", text):
            day_, month, year = (int(p) for p in text.split("/"))
            return dt.date(year, month, day_)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Invalid(
            N_("'{raw}' is not a date: write YYYY-MM-DD or DD/MM/YYYY."), raw=raw
        ) from None


def parse_date_between(raw: str, first: dt.date, last: dt.date) -> dt.date:
    value = parse_date(raw)
    if not first <= value <= last:
        raise Invalid(
            N_("Choose a date between {first} and {last}."),
            first=first.isoformat(),
            last=last.isoformat(),
        )
    return value


def parse_text(raw: str, required: bool = False) -> str:
    text = raw.strip()
    if required and not text:
        raise Invalid(NEEDED)
    return text


def split_list(raw: str) -> list[str]:
    """Items separated by commas, or by semicolons when there is one (so that an item may
    hold a comma); blanks dropped; ``-`` alone means none."""
    if raw.strip() == "-":
        return []
    separator = ";" if ";" in raw else ","
    return [item.strip() for item in raw.split(separator) if item.strip()]


def join_list(items: Sequence[str]) -> str:
    """The text ``split_list`` reads back as ``items``: semicolons when one holds a comma."""
    if not any("," in item for item in items):
        return ", ".join(items)
    return "; ".join(items) + (";" if len(items) == 1 else "")


# --- picks from a list --------------------------------------------------------------------


def parse_picks(
    raw: str, options: Sequence[str], minimum: int = 1, maximum: int | None = None
) -> list[str]:
    """Options chosen by number (1-based) or by identifier, in the order given, no repeats."""
    text = raw.strip()
    tokens = [] if text in NONE_MARKS else [t for t in re.split(r"[,;\s]+", text) if t]
    chosen = list(dict.fromkeys(_pick(token, options) for token in tokens))
    if len(chosen) < minimum:
        raise Invalid.plural(
            minimum,
            "Choose at least {count} item by its number.",
            "Choose at least {count} items by their numbers.",
        )
    if maximum is not None and len(chosen) > maximum:
        raise Invalid.plural(
            maximum, "Choose at most {count} item.", "Choose at most {count} items."
        )
    return chosen


def _pick(token: str, options: Sequence[str]) -> str:
    if token.isdigit() and 1 <= int(token) <= len(options):
        return options[int(token) - 1]
    lowered = {o.lower(): o for o in options}
    if token.lower() in lowered:
        return lowered[token.lower()]
    raise Invalid(
        N_("'{token}' is not in the list: enter a number from 1 to {n}."),
        token=token,
        n=len(options),
    )


# --- shares and format mixes --------------------------------------------------------------


def parse_shares(raw: str, count: int, lang: Lang | None = None) -> list[float]:
    """``count`` percentages that add up to 100, separated by commas, semicolons or spaces
    (semicolons when the numbers have decimal commas); a % sign may follow each."""
    separator = r"[;\s]+" if ";" in raw else r"[,\s]+"
    parts = [p for p in re.split(separator, raw.replace("%", " ").strip()) if p]
    if len(parts) != count:
        raise Invalid.plural(
            count,
            "Enter {count} percentage, one per item, adding up to 100.",
            "Enter {count} percentages, one per item, adding up to 100.",
        )
    shares = [parse_number(p, 0, 100, quantity="percent", lang=lang) for p in parts]
    _check_total(sum(shares))
    return shares


def _check_total(total: float) -> None:
    if abs(total - 100) > 0.01:
        raise Invalid(N_("The shares add up to {total}% instead of 100%."), total=float(total))


def mix_example(formats: Sequence[str]) -> str:
    """An example of a format mix built from a channel's own formats: ``image=50, …``."""
    shares = {1: (100,), 2: (60, 40)}.get(len(formats), (50, 30, 20))
    return ", ".join(f"{f}={s}" for f, s in zip(formats, shares, strict=False))


def parse_mix(raw: str, supported: Sequence[str]) -> dict[str, float]:
    """A format mix such as ``image=50, short_video=50`` (format by id or number)."""
    mix: dict[str, float] = {}
    for item in split_list(raw):
        key, sep, value = item.replace(":", "=").partition("=")
        if not sep:
            raise Invalid(
                N_("Write each format as format=share, for example {example}."),
                example=mix_example(supported),
            )
        format_id = _pick(key.strip(), supported)
        if format_id in mix:
            raise Invalid(N_("Format {id} is given twice."), id=format_id)
        mix[format_id] = parse_number(value, 0, 100, quantity="percent")
    _check_total(sum(mix.values()))
    return mix


def format_mix(mix: Mapping[str, float]) -> str:
    """The text form ``parse_mix`` reads back (shares with a decimal point, never a comma,
    since commas separate the formats)."""
    return ", ".join(f"{k}={v:g}" for k, v in mix.items())


# --- cadence ------------------------------------------------------------------------------


def parse_cadence(raw: str, lang: Lang | None = None) -> tuple[float, str]:
    """``3``, ``3/week``, ``3 par semaine``, ``3 per week``, ``1/jour``, ``2 a month`` →
    (posts, per); a bare number is per week."""
    match = CADENCE.fullmatch(raw.strip())
    per = _period(match["unit"]) if match else None
    if match is None or per is None:
        raise Invalid(
            N_(
                "Write a number of posts per day, week or month, for example 3 per week "
                "or 1 per day."
            )
        )
    return parse_number(match["number"], 0, 1000, lang=lang), per


def _period(word: str) -> str | None:
    unit = _plain(word).rstrip(".") or "week"
    return next((per for per, words in PERIOD_WORDS.items() if unit in words), None)


def format_cadence(posts_per_week: float, lang: Lang) -> str:
    """A cadence as a default answer ("1 per day", "3 par semaine"), read back unchanged."""
    return write_cadence(*cadence_of(posts_per_week), lang)


def write_cadence(posts: float, per: str, lang: Lang) -> str:
    return f"{write_number(posts, lang)} {label('cadence-per', per, lang)}"


# --- time windows -------------------------------------------------------------------------


def parse_windows(raw: str) -> list[TimeWindow]:
    """Windows such as ``mon-fri 09:00-12:00; sat 10:00-12:00`` (French day names too)."""
    windows = [_window(part.strip()) for part in raw.split(";") if part.strip()]
    if not windows:
        raise Invalid(N_("Give at least one window, for example mon-fri 09:00-12:00."))
    return windows


def _window(text: str) -> TimeWindow:
    match = re.fullmatch(r"(.+?)\s+(\d{1,2}(?:[:h]\d{2})?h?)\s*-\s*(\d{1,2}(?:[:h]\d{2})?h?)", text)
    if not match:
        raise Invalid(
            N_("'{answer}': write days then hours, for example mon,wed 08:00-13:00."),
            answer=text,
        )
    start, end = _time(match[2]), _time(match[3])
    if end <= start:
        raise Invalid(N_("'{answer}': the end time must come after the start time."), answer=text)
    return TimeWindow(days=_days(match[1]), start=start, end=end)


def _time(text: str) -> dt.time:
    hours, _, minutes = text.rstrip("h").replace("h", ":").partition(":")
    try:
        return dt.time(int(hours), int(minutes or 0))
    except ValueError:
        raise Invalid(N_("'{answer}' is not a time (HH:MM)."), answer=text) from None


def _days(text: str) -> list[str]:
    days: list[str] = []
    for part in split_list(text.lower()):
        first, _, last = part.partition("-")
        start, end = _day(first), _day(last or first)
        span = WEEK_DAYS[WEEK_DAYS.index(start) : WEEK_DAYS.index(end) + 1]
        if not span:
            raise Invalid(N_("'{part}': the first day must come before the second."), part=part)
        days.extend(d for d in span if d not in days)
    return sorted(days, key=WEEK_DAYS.index)


def _day(text: str) -> str:
    found = day_aliases().get(_plain(text)[:3])
    if found is None:
        raise Invalid(N_("'{answer}' is not a day (mon, tue, … sun)."), answer=text.strip())
    return found


@functools.cache
def day_aliases() -> dict[str, str]:
    """The first three letters of each day's name in every language ("lun", "mon") → day."""
    aliases: dict[str, str] = {day_: day_ for day_ in WEEK_DAYS}
    for lang in LANGUAGES:
        for kind in ("weekday", "weekday-short"):
            aliases.update({_plain(label(kind, d, lang))[:3]: d for d in WEEK_DAYS})
    return aliases


def _plain(text: str) -> str:
    """Lower case, accents and surrounding spaces gone: "Février " → "fevrier"."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def format_windows(windows: Sequence[TimeWindow], lang: Lang) -> str:
    """The text form ``parse_windows`` reads back, with day names in ``lang``."""
    return "; ".join(f"{_format_days(w.days, lang)} {w.start:%H:%M}-{w.end:%H:%M}" for w in windows)


def _format_days(days: Sequence[str], lang: Lang) -> str:
    names = {d: label("weekday-short", d, lang).rstrip(".").lower() for d in WEEK_DAYS}
    indexes = sorted(WEEK_DAYS.index(d) for d in set(days))
    consecutive = indexes == list(range(indexes[0], indexes[-1] + 1))
    if consecutive and len(indexes) > 2:
        return f"{names[WEEK_DAYS[indexes[0]]]}-{names[WEEK_DAYS[indexes[-1]]]}"
    return ",".join(names[WEEK_DAYS[i]] for i in indexes)
