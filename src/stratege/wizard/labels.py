"""Display names, in French and English, of the fixed vocabularies of the strategy model."""

from __future__ import annotations

from stratege.wizard.answers import Bilingual

AUDIENCE_KINDS: dict[str, Bilingual] = {
    "customers": {"fr": "Clients actuels", "en": "Current customers"},
    "prospects": {"fr": "Prospects (futurs clients)", "en": "Prospects (future customers)"},
    "ambassadors": {"fr": "Ambassadeurs", "en": "Ambassadors"},
    "candidates": {"fr": "Candidats à l'embauche", "en": "Job candidates"},
    "employees": {"fr": "Salariés", "en": "Employees"},
    "journalists": {"fr": "Journalistes", "en": "Journalists"},
    "influencers": {"fr": "Influenceurs", "en": "Influencers"},
    "partners": {"fr": "Partenaires", "en": "Partners"},
    "citizens": {"fr": "Citoyens, usagers", "en": "Citizens, service users"},
    "investors": {"fr": "Investisseurs", "en": "Investors"},
    "other": {"fr": "Autre cible", "en": "Other audience"},
}

INFORMATION_SOURCES: dict[str, Bilingual] = {
    "search_engines": {"fr": "Moteurs de recherche", "en": "Search engines"},
    "social_networks": {"fr": "Réseaux sociaux", "en": "Social networks"},
    "reviews": {"fr": "Avis en ligne", "en": "Online reviews"},
    "forums": {"fr": "Forums", "en": "Forums"},
    "press": {"fr": "Presse", "en": "Press"},
    "newsletters": {"fr": "Lettres d'information", "en": "Newsletters"},
    "word_of_mouth": {"fr": "Bouche-à-oreille", "en": "Word of mouth"},
    "events": {"fr": "Événements", "en": "Events"},
    "other": {"fr": "Autre", "en": "Other"},
}

TOOL_CATEGORIES: dict[str, Bilingual] = {
    "creation": {"fr": "Outil de création graphique", "en": "Graphic design tool"},
    "video_editing": {"fr": "Outil de montage vidéo", "en": "Video editing tool"},
    "scheduling": {"fr": "Outil de programmation", "en": "Scheduling tool"},
    "monitoring": {"fr": "Outil de veille", "en": "Monitoring tool"},
    "analytics": {"fr": "Outil de statistiques", "en": "Analytics tool"},
    "advertising": {"fr": "Outil publicitaire", "en": "Advertising tool"},
    "other": {"fr": "Autre outil", "en": "Other tool"},
}

ACTIVITIES: dict[str, Bilingual] = {
    "create_content": {"fr": "Créer les contenus", "en": "Create content"},
    "approve": {"fr": "Valider avant publication", "en": "Approve before publishing"},
    "publish": {"fr": "Publier", "en": "Publish"},
    "moderate": {"fr": "Animer et modérer", "en": "Moderate the community"},
    "answer_customers": {"fr": "Répondre aux clients", "en": "Answer customers"},
    "advertise": {"fr": "Gérer la publicité", "en": "Run advertising"},
    "monitor": {"fr": "Veille", "en": "Monitoring"},
    "report": {"fr": "Mesurer et rendre compte", "en": "Measure and report"},
    "crisis": {"fr": "Gérer une crise", "en": "Handle a crisis"},
}

PRICING_MODELS: dict[str, Bilingual] = {
    "cpm": {"fr": "CPM : coût pour mille affichages", "en": "CPM: cost per thousand impressions"},
    "cpc": {"fr": "CPC : coût par clic", "en": "CPC: cost per click"},
    "cpa": {
        "fr": "CPA : coût par action (achat, inscription)",
        "en": "CPA: cost per action (purchase, sign-up)",
    },
    "cpv": {"fr": "CPV : coût par vue de vidéo", "en": "CPV: cost per video view"},
    "cpe": {"fr": "CPE : coût par interaction", "en": "CPE: cost per engagement"},
    "flat": {"fr": "Forfait", "en": "Flat fee"},
}

UNITS: dict[str, Bilingual] = {
    "count": {"fr": "nombre", "en": "count"},
    "percent": {"fr": "%", "en": "%"},
    "minutes": {"fr": "minutes", "en": "minutes"},
    "ratio": {"fr": "ratio", "en": "ratio"},
    "currency": {"fr": "montant", "en": "amount"},
    "per_day": {"fr": "par jour", "en": "per day"},
    "per_week": {"fr": "par semaine", "en": "per week"},
}


def unit_label(unit: str) -> Bilingual:
    return UNITS.get(unit, {"fr": unit, "en": unit})
