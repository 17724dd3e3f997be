"""Numbers, money, percentages and dates as each language writes them (Babel).

French: decimal comma, narrow no-break space between thousands, "1 500 €", "1 mars 2027".
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from stratege.i18n import Lang

LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def num(value: float, lang: Lang, decimals: int = 0) -> str:
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def money(value: float, currency: str, lang: Lang) -> str:
    """Whole units: a strategy budget has no use for cents."""
    pattern = "#,##0\u00a0¤" if lang == "fr" else "¤#,##0"
    return format_currency(
        value, currency, format=pattern, locale=LOCALES[lang], currency_digits=False
    )


def percent(share: float, lang: Lang, decimals: int = 0) -> str:
    """``share`` is a fraction (0.25 → 25 %)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%"
    if lang == "en":
        pattern = pattern.replace("\u00a0", "")
    return format_percent(share, format=pattern, locale=LOCALES[lang])


def day(value: dt.date, lang: Lang) -> str:
    return format_date(value, format="long" if lang == "en" else "d MMMM y", locale=LOCALES[lang])


def short_day(value: dt.date, lang: Lang) -> str:
    return format_date(value, format="d MMM", locale=LOCALES[lang])


def month(value: dt.date, lang: Lang) -> str:
    return format_date(value, format="MMMM y", locale=LOCALES[lang])
