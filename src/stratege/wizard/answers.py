"""Reading typed answers: numbers, dates, picks from a list, shares, time windows, cadences.

Every parser takes the raw text a person typed and returns a value, or raises ``Invalid``
with a bilingual message that says what is expected. Nothing here touches the terminal, so
the web wizard can reuse the same rules.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence

from stratege.i18n import Lang, tr
from stratege.i18n.numbers import num
from stratege.timewindow import WEEK_DAYS, TimeWindow

Bilingual = dict[str, str]

NONE_MARKS = ("-", "0")
YES = ("o", "oui", "y", "yes")
NO = ("n", "non", "no")
DAY_ALIASES = {
    **{day: day for day in WEEK_DAYS},
    **dict(zip(("lun", "mar", "mer", "jeu", "ven", "sam", "dim"), WEEK_DAYS, strict=True)),
}
DAY_LABELS_FR = dict(zip(WEEK_DAYS, ("lun", "mar", "mer", "jeu", "ven", "sam", "dim"), strict=True))
PERIOD_WORDS = {
    "day": ("day", "d", "jour", "j"),
    "week": ("week", "w", "semaine", "sem", "s"),
    "month": ("month", "m", "mois"),
}


NEEDED = {"fr": "Une réponse est nécessaire ici.", "en": "An answer is needed here."}


class Invalid(ValueError):
    """An answer that cannot be used, with the bilingual reason."""

    def __init__(self, message: Bilingual, **values: object):
        super().__init__(message.get("en", ""))
        self.message = message
        self.values = values

    def text(self, lang: Lang) -> str:
        shown = {k: num(v, lang, 2) if isinstance(v, float) else v for k, v in self.values.items()}
        return tr(self.message, lang, **shown)


def parse_number(
    raw: str, minimum: float = 0, maximum: float = math.inf, integer: bool = False
) -> float:
    """A number; accepts a decimal comma and spaces between thousands."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", raw).replace(",", ".")
    if not cleaned:
        raise Invalid(NEEDED)
    try:
        value = float(cleaned)
    except ValueError:
        raise Invalid(
            {"fr": "« {raw} » n'est pas un nombre.", "en": "'{raw}' is not a number."}, raw=raw
        ) from None
    if not math.isfinite(value) or (integer and not value.is_integer()):
        raise Invalid({"fr": "Entrez un nombre entier.", "en": "Enter a whole number."})
    if not minimum <= value <= maximum:
        bound = float(maximum) if math.isfinite(maximum) else "∞"
        raise Invalid(
            {
                "fr": "Entrez un nombre entre {low} et {high}.",
                "en": "Enter a number between {low} and {high}.",
            },
            low=float(minimum),
            high=bound,
        )
    return int(value) if integer else value


def parse_optional_number(raw: str, minimum: float = 0, maximum: float = math.inf) -> float | None:
    """A number, or None for an empty answer (not known yet)."""
    return parse_number(raw, minimum, maximum) if raw.strip() else None


def parse_yes_no(raw: str) -> bool:
    answer = raw.strip().lower()
    if answer in YES:
        return True
    if answer in NO:
        return False
    raise Invalid({"fr": "Répondez o (oui) ou n (non).", "en": "Answer y (yes) or n (no)."})


def parse_date(raw: str) -> dt.date:
    """A date as 2027-01-31 or 31/01/2027."""
    text = raw.strip()
    try:
        if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", text):
            day, month, year = (int(p) for p in text.split("/"))
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Invalid(
            {
                "fr": "« {raw} » n'est pas une date : écrivez AAAA-MM-JJ ou JJ/MM/AAAA.",
                "en": "'{raw}' is not a date: write YYYY-MM-DD or DD/MM/YYYY.",
            },
            raw=raw,
        ) from None


def parse_date_between(raw: str, first: dt.date, last: dt.date) -> dt.date:
    value = parse_date(raw)
    if not first <= value <= last:
        raise Invalid(
            {
                "fr": "Choisissez une date entre le {first} et le {last}.",
                "en": "Choose a date between {first} and {last}.",
            },
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
    """Items separated by commas or semicolons, blanks dropped; ``-`` alone means none."""
    if raw.strip() == "-":
        return []
    return [item.strip() for item in re.split(r"[,;]", raw) if item.strip()]


def parse_picks(
    raw: str, options: Sequence[str], minimum: int = 1, maximum: int | None = None
) -> list[str]:
    """Options chosen by number (1-based) or by identifier, in the order given, no repeats."""
    text = raw.strip()
    tokens = [] if text in NONE_MARKS else [t for t in re.split(r"[,;\s]+", text) if t]
    chosen = list(dict.fromkeys(_pick(token, options) for token in tokens))
    if len(chosen) < minimum:
        raise Invalid(
            {
                "fr": "Choisissez au moins {n} élément(s) par leur numéro.",
                "en": "Choose at least {n} item(s) by number.",
            },
            n=minimum,
        )
    if maximum is not None and len(chosen) > maximum:
        raise Invalid(
            {"fr": "Choisissez au plus {n} élément(s).", "en": "Choose at most {n} item(s)."},
            n=maximum,
        )
    return chosen


def _pick(token: str, options: Sequence[str]) -> str:
    if token.isdigit() and 1 <= int(token) <= len(options):
        return options[int(token) - 1]
    lowered = {o.lower(): o for o in options}
    if token.lower() in lowered:
        return lowered[token.lower()]
    raise Invalid(
        {
            "fr": "« {token} » n'est pas dans la liste : entrez un numéro de 1 à {n}.",
            "en": "'{token}' is not in the list: enter a number from 1 to {n}.",
        },
        token=token,
        n=len(options),
    )


def parse_shares(raw: str, count: int) -> list[float]:
    """``count`` percentages that add up to 100 (separated by commas, semicolons or spaces)."""
    separator = r"[;\s]+" if ";" in raw else r"[,\s]+"
    parts = [p for p in re.split(separator, raw.strip()) if p]
    if len(parts) != count:
        raise Invalid(
            {
                "fr": "Entrez {n} pourcentages, un par élément.",
                "en": "Enter {n} percentages, one per item.",
            },
            n=count,
        )
    shares = [parse_number(p, 0, 100) for p in parts]
    _check_total(sum(shares))
    return shares


def _check_total(total: float) -> None:
    if abs(total - 100) > 0.01:
        raise Invalid(
            {
                "fr": "Les parts font {total} % au lieu de 100 %.",
                "en": "The shares add up to {total}% instead of 100%.",
            },
            total=float(total),
        )


def parse_mix(raw: str, supported: Sequence[str]) -> dict[str, float]:
    """A format mix such as ``image=50, short_video=50`` (format by id or number)."""
    mix: dict[str, float] = {}
    for item in split_list(raw):
        key, sep, value = item.replace(":", "=").partition("=")
        if not sep:
            raise Invalid(
                {
                    "fr": "Écrivez chaque format sous la forme format=part, ex. image=50.",
                    "en": "Write each format as format=share, e.g. image=50.",
                }
            )
        format_id = _pick(key.strip(), supported)
        if format_id in mix:
            raise Invalid(
                {"fr": "Le format {id} est cité deux fois.", "en": "Format {id} is given twice."},
                id=format_id,
            )
        mix[format_id] = parse_number(value, 0, 100)
    _check_total(sum(mix.values()))
    return mix


def format_mix(mix: dict[str, float]) -> str:
    return ", ".join(f"{k}={v:g}" for k, v in mix.items())


def parse_cadence(raw: str) -> tuple[float, str]:
    """``3``, ``3/week``, ``1/jour``, ``2/mois`` → (posts, per); a bare number is per week."""
    number, _, unit = raw.strip().partition("/")
    posts = parse_number(number, 0, 1000)
    unit = unit.strip().lower() or "week"
    for per, words in PERIOD_WORDS.items():
        if unit in words:
            return posts, per
    raise Invalid(
        {
            "fr": "Écrivez un nombre par jour, semaine ou mois, ex. 1/jour ou 3/semaine.",
            "en": "Write a number per day, week or month, e.g. 1/day or 3/week.",
        }
    )


def format_cadence(posts_per_week: float, lang: Lang) -> str:
    if posts_per_week >= 7 and posts_per_week % 7 == 0:
        return f"{posts_per_week / 7:g}/{'jour' if lang == 'fr' else 'day'}"
    return f"{posts_per_week:g}/{'semaine' if lang == 'fr' else 'week'}"


def parse_windows(raw: str) -> list[TimeWindow]:
    """Windows such as ``mon-fri 09:00-12:00; sat 10:00-12:00`` (French day names too)."""
    windows = [_window(part.strip()) for part in raw.split(";") if part.strip()]
    if not windows:
        raise Invalid(
            {
                "fr": "Donnez au moins un créneau, ex. lun-ven 09:00-12:00.",
                "en": "Give at least one window, e.g. mon-fri 09:00-12:00.",
            }
        )
    return windows


def _window(text: str) -> TimeWindow:
    match = re.fullmatch(r"(.+?)\s+(\d{1,2}(?:[:h]\d{2})?h?)\s*-\s*(\d{1,2}(?:[:h]\d{2})?h?)", text)
    if not match:
        raise Invalid(
            {
                "fr": "« {answer} » : écrivez des jours puis des heures, ex. lun,mer 08:00-13:00.",
                "en": "'{answer}': write days then hours, e.g. mon,wed 08:00-13:00.",
            },
            answer=text,
        )
    start, end = _time(match[2]), _time(match[3])
    if end <= start:
        raise Invalid(
            {
                "fr": "« {answer} » : l'heure de fin doit suivre l'heure de début.",
                "en": "'{answer}': the end time must come after the start time.",
            },
            answer=text,
        )
    return TimeWindow(days=_days(match[1]), start=start, end=end)


def _time(text: str) -> dt.time:
    hours, _, minutes = text.rstrip("h").replace("h", ":").partition(":")
    try:
        return dt.time(int(hours), int(minutes or 0))
    except ValueError:
        raise Invalid(
            {
                "fr": "« {answer} » n'est pas une heure (HH:MM).",
                "en": "'{answer}' is not a time (HH:MM).",
            },
            answer=text,
        ) from None


def _days(text: str) -> list[str]:
    days: list[str] = []
    for part in split_list(text.lower()):
        first, _, last = part.partition("-")
        start, end = _day(first), _day(last or first)
        span = WEEK_DAYS[WEEK_DAYS.index(start) : WEEK_DAYS.index(end) + 1]
        if not span:
            raise Invalid(
                {
                    "fr": "« {part} » : le premier jour doit précéder le second.",
                    "en": "'{part}': the first day must come before the second.",
                },
                part=part,
            )
        days.extend(d for d in span if d not in days)
    return sorted(days, key=WEEK_DAYS.index)


def _day(text: str) -> str:
    day = DAY_ALIASES.get(text.strip()[:3])
    if day is None:
        raise Invalid(
            {
                "fr": "« {answer} » n'est pas un jour (lun, mar, … dim).",
                "en": "'{answer}' is not a day (mon, tue, … sun).",
            },
            answer=text,
        )
    return day


def format_windows(windows: Sequence[TimeWindow], lang: Lang) -> str:
    """The text form ``parse_windows`` reads back, with day names in ``lang``."""
    return "; ".join(f"{_format_days(w.days, lang)} {w.start:%H:%M}-{w.end:%H:%M}" for w in windows)


def _format_days(days: Sequence[str], lang: Lang) -> str:
    names = DAY_LABELS_FR if lang == "fr" else {day: day for day in WEEK_DAYS}
    indexes = sorted(WEEK_DAYS.index(d) for d in set(days))
    consecutive = indexes == list(range(indexes[0], indexes[-1] + 1))
    if consecutive and len(indexes) > 2:
        return f"{names[WEEK_DAYS[indexes[0]]]}-{names[WEEK_DAYS[indexes[-1]]]}"
    return ",".join(names[WEEK_DAYS[i]] for i in indexes)
