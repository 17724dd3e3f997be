"""Numbers, money, percentages and dates as each language writes them (Babel): the one
number formatter of the product.

French: decimal comma, narrow no-break space between thousands, "1 500 €", "1 mars 2027".
Counts are whole; small values keep their significant digits (0.05 % is not "0 %").
"""

from __future__ import annotations

import datetime as dt
import math

from stratege.i18n import Lang

LOCALES = {"fr": "fr_FR", "en": "en_GB"}
SIGNIFICANT = 2  # digits kept for values below 1, so a small rate is never shown as 0
MAX_DECIMALS = 6


def decimals_for(value: float, decimals: int) -> int:
    """``decimals``, or more for a value whose first significant digit lies further."""
    size = abs(value)
    if size == 0 or size >= 1 or not math.isfinite(size):
        return decimals
    needed = -math.floor(math.log10(size)) + SIGNIFICANT - 1
    return min(max(decimals, needed), MAX_DECIMALS)


def num(value: float, lang: Lang, decimals: int = 0) -> str:
    """A number with at most ``decimals`` decimals (trailing zeros dropped); values below 1
    keep two significant digits. ``num(1234.5, "fr", 1)`` → "1 234,5"."""
    from babel.numbers import format_decimal  # Babel is loaded when a number is shown

    shown = decimals_for(value, decimals)
    pattern = "#,##0" + ("." + "#" * shown if shown else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def count(value: float, lang: Lang) -> str:
    """A count of things (posts, people): always whole."""
    from babel.numbers import format_decimal

    return format_decimal(round(value), format="#,##0", locale=LOCALES[lang])


def money(value: float, currency: str, lang: Lang) -> str:
    """Whole units: a strategy budget has no use for cents."""
    from babel.numbers import format_currency

    pattern = "#,##0\u00a0¤" if lang == "fr" else "¤#,##0"
    return format_currency(
        value, currency, format=pattern, locale=LOCALES[lang], currency_digits=False
    )


def percent(share: float, lang: Lang, decimals: int = 0) -> str:
    """``share`` is a fraction (0.25 → 25 %); a small share keeps its significant digits
    (0.0005 → 0,05 %)."""
    from babel.numbers import format_percent

    shown = decimals_for(share * 100, decimals)
    pattern = "#,##0" + ("." + "#" * shown if shown else "") + "\u00a0%"
    if lang == "en":
        pattern = pattern.replace("\u00a0", "")
    return format_percent(share, format=pattern, locale=LOCALES[lang])


def day(value: dt.date, lang: Lang) -> str:
    from babel.dates import format_date

    return format_date(value, format="long" if lang == "en" else "d MMMM y", locale=LOCALES[lang])


def short_day(value: dt.date, lang: Lang) -> str:
    from babel.dates import format_date

    return format_date(value, format="d MMM", locale=LOCALES[lang])


def month(value: dt.date, lang: Lang) -> str:
    from babel.dates import format_date

    return format_date(value, format="MMMM y", locale=LOCALES[lang])
