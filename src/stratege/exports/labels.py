"""Every word the exports show, in French and English.

Kept apart from the writers so that a wording is changed in one place and the two
languages cannot drift apart; ``label`` applies French typography through ``tr``.
"""

from __future__ import annotations

import datetime as dt

from stratege.i18n import Lang, tr

Bilingual = dict[str, str]

COLUMNS: dict[str, Bilingual] = {
    "date": {"fr": "Date", "en": "Date"},
    "time": {"fr": "Heure", "en": "Time"},
    "channel": {"fr": "Canal", "en": "Channel"},
    "platform": {"fr": "Plateforme", "en": "Platform"},
    "format": {"fr": "Format", "en": "Format"},
    "pillar": {"fr": "Pilier", "en": "Pillar"},
    "audience": {"fr": "Cible", "en": "Audience"},
    "occasion": {"fr": "Temps fort", "en": "Occasion"},
    "campaign": {"fr": "Campagne", "en": "Campaign"},
    "producers": {"fr": "Production", "en": "Producers"},
    "due": {"fr": "À livrer le", "en": "Due date"},
    "approver": {"fr": "Validation", "en": "Approver"},
    "publisher": {"fr": "Publication", "en": "Publisher"},
    "staffed": {"fr": "Pourvu", "en": "Staffed"},
    "person": {"fr": "Personne", "en": "Person"},
    "week": {"fr": "Semaine du", "en": "Week of"},
    "total_hours": {"fr": "Total (h)", "en": "Total (h)"},
    "capacity": {"fr": "Disponibilité (h)", "en": "Capacity (h)"},
    "utilisation": {"fr": "Taux de charge", "en": "Utilisation"},
    "category": {"fr": "Poste", "en": "Category"},
    "figure": {"fr": "Montant", "en": "Figure"},
    "total": {"fr": "Total", "en": "Total"},
    "currency": {"fr": "Devise", "en": "Currency"},
    "activity": {"fr": "Activité", "en": "Activity"},
    "start": {"fr": "Début", "en": "Start"},
    "end": {"fr": "Fin", "en": "End"},
    "budget": {"fr": "Budget", "en": "Budget"},
    "pricing_model": {"fr": "Mode d'achat", "en": "Pricing model"},
    "cost_per_unit": {"fr": "Coût unitaire", "en": "Cost per unit"},
    "cost_source": {"fr": "Source du coût", "en": "Cost source"},
    "impressions": {"fr": "Impressions attendues", "en": "Expected impressions"},
    "clicks": {"fr": "Clics attendus", "en": "Expected clicks"},
    "conversions": {"fr": "Conversions attendues", "en": "Expected conversions"},
    "paid_units": {"fr": "Unités achetées", "en": "Paid units"},
    "paid_unit": {"fr": "Unité achetée", "en": "Paid unit"},
    "kpi": {"fr": "KPI", "en": "KPI"},
    "metric": {"fr": "Indicateur", "en": "Metric"},
    "objective": {"fr": "Objectif", "en": "Objective"},
    "channels": {"fr": "Canaux", "en": "Channels"},
    "baseline": {"fr": "Point de départ", "en": "Baseline"},
    "target": {"fr": "Cible chiffrée", "en": "Target"},
    "deadline": {"fr": "Échéance", "en": "Deadline"},
    "frequency": {"fr": "Fréquence de mesure", "en": "Frequency"},
    "growth": {"fr": "Progression", "en": "Growth"},
    "unit": {"fr": "Unité", "en": "Unit"},
}

SHEETS: dict[str, Bilingual] = {  # Excel sheet names: 31 characters at most, no []:*?/\
    "calendar": {"fr": "Calendrier", "en": "Calendar"},
    "workload": {"fr": "Charge", "en": "Workload"},
    "budget": {"fr": "Budget", "en": "Budget"},
    "raci": {"fr": "RACI", "en": "RACI"},
    "campaigns": {"fr": "Campagnes", "en": "Campaigns"},
    "kpis": {"fr": "Plan KPI", "en": "KPI plan"},
}

ACTIVITIES: dict[str, Bilingual] = {
    "create_content": {"fr": "Production", "en": "Production"},
    "approve": {"fr": "Validation", "en": "Approval"},
    "publish": {"fr": "Publication", "en": "Publishing"},
    "moderate": {"fr": "Animation et modération", "en": "Community management"},
    "answer_customers": {"fr": "Réponses aux clients", "en": "Customer care"},
    "advertise": {"fr": "Publicité", "en": "Advertising"},
    "monitor": {"fr": "Veille", "en": "Monitoring"},
    "report": {"fr": "Reporting", "en": "Reporting"},
    "crisis": {"fr": "Gestion de crise", "en": "Crisis management"},
}

BUDGET_CATEGORIES: dict[str, Bilingual] = {
    "people": {"fr": "Temps des équipes", "en": "Staff time"},
    "tools": {"fr": "Outils", "en": "Tools"},
    "advertising": {"fr": "Publicité", "en": "Advertising"},
    "outsourcing": {"fr": "Sous-traitance", "en": "Outsourcing"},
    "contests": {"fr": "Jeux-concours", "en": "Contests"},
    "training": {"fr": "Formation", "en": "Training"},
    "other": {"fr": "Autre", "en": "Other"},
}

FIGURES: dict[str, Bilingual] = {
    "planned": {"fr": "Prévu par le plan", "en": "Planned"},
    "declared": {"fr": "Budget déclaré", "en": "Declared"},
}

PRICING_MODELS: dict[str, Bilingual] = {
    "cpm": {"fr": "CPM (pour 1 000 impressions)", "en": "CPM (per 1,000 impressions)"},
    "cpc": {"fr": "CPC (par clic)", "en": "CPC (per click)"},
    "cpa": {"fr": "CPA (par action)", "en": "CPA (per action)"},
    "cpv": {"fr": "CPV (par vue)", "en": "CPV (per view)"},
    "cpe": {"fr": "CPE (par engagement)", "en": "CPE (per engagement)"},
    "flat": {"fr": "Forfait", "en": "Flat fee"},
}

PAID_UNITS: dict[str, Bilingual] = {
    "impressions": {"fr": "impressions", "en": "impressions"},
    "clicks": {"fr": "clics", "en": "clicks"},
    "conversions": {"fr": "conversions", "en": "conversions"},
    "views": {"fr": "vues", "en": "views"},
    "engagements": {"fr": "engagements", "en": "engagements"},
}

FREQUENCIES: dict[str, Bilingual] = {
    "daily": {"fr": "quotidienne", "en": "daily"},
    "weekly": {"fr": "hebdomadaire", "en": "weekly"},
    "monthly": {"fr": "mensuelle", "en": "monthly"},
    "quarterly": {"fr": "trimestrielle", "en": "quarterly"},
    "yearly": {"fr": "annuelle", "en": "yearly"},
}

GROWTH: dict[str, Bilingual] = {
    "linear": {"fr": "linéaire", "en": "linear"},
    "compound": {"fr": "composée (géométrique)", "en": "compound (geometric)"},
}

UNITS: dict[str, Bilingual] = {
    "count": {"fr": "nombre", "en": "count"},
    "currency": {"fr": "montant", "en": "amount"},
    "minutes": {"fr": "minutes", "en": "minutes"},
    "per_day": {"fr": "par jour", "en": "per day"},
    "per_week": {"fr": "par semaine", "en": "per week"},
    "percent": {"fr": "%", "en": "%"},
    "ratio": {"fr": "ratio", "en": "ratio"},
}

WORDS: dict[str, Bilingual] = {
    "yes": {"fr": "oui", "en": "yes"},
    "no": {"fr": "non", "en": "no"},
    "unstaffed": {"fr": "à staffer", "en": "unstaffed"},
    "unstaffed_tag": {"fr": "[À POURVOIR]", "en": "[UNSTAFFED]"},
    "draft": {"fr": "à rédiger", "en": "to be written"},
    "for": {"fr": "pour : {audience}", "en": "for: {audience}"},
    "ref": {"fr": "réf. {id}", "en": "ref. {id}"},
    "all_channels": {"fr": "tous", "en": "all"},
    "strategy_source": {"fr": "stratégie (coût saisi)", "en": "strategy (own cost)"},
    "calendar_name": {"fr": "{name} — calendrier éditorial", "en": "{name} — editorial calendar"},
}

# What the DESCRIPTION of a calendar event says, line by line.
DESCRIPTION: dict[str, Bilingual] = {
    "format": COLUMNS["format"],
    "pillar": COLUMNS["pillar"],
    "audience": COLUMNS["audience"],
    "occasion": COLUMNS["occasion"],
    "campaign": COLUMNS["campaign"],
    "due": COLUMNS["due"],
    "approver": COLUMNS["approver"],
    "publisher": COLUMNS["publisher"],
    "line": {"fr": "{label} : {value}", "en": "{label}: {value}"},
}


def label(table: dict[str, Bilingual], key: str, lang: Lang, **values: object) -> str:
    """The ``lang`` wording of ``key`` in ``table``; an unknown key is shown as itself."""
    text = table.get(key)
    return tr(text, lang, **values) if text else key


def column(key: str, lang: Lang) -> str:
    return label(COLUMNS, key, lang)


def word(key: str, lang: Lang, **values: object) -> str:
    return label(WORDS, key, lang, **values)


def yes_no(value: bool, lang: Lang) -> str:
    return word("yes" if value else "no", lang)


def show_date(day: dt.date | None, lang: Lang) -> str:
    """A date as text: 31/12/2027 in French (what French Excel parses), ISO in English,
    since 12/31 and 31/12 are both read in English-speaking countries."""
    if day is None:
        return ""
    return day.strftime("%d/%m/%Y") if lang == "fr" else day.isoformat()


def excel_date_format(lang: Lang) -> str:
    """Number format of real date cells in the workbook."""
    return "dd/mm/yyyy" if lang == "fr" else "yyyy-mm-dd"
