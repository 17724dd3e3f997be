"""A small hand-built strategy document with every block type, for the renderer tests.

Two levels of sections, accented French text with French typography (no-break spaces
before « ; : ? »), a table with numeric columns and awkward cells, two real PNG charts.
"""

from __future__ import annotations

import functools
import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from stratege.i18n import french_typography
from stratege.reports.document import (
    Bullets,
    Code,
    Document,
    Figure,
    Paragraph,
    Section,
    Table,
)


@functools.cache
def chart_png(kind: str = "bar") -> bytes:
    """A real chart, drawn offline, as PNG bytes."""
    figure, axes = plt.subplots(figsize=(6, 3), dpi=80)
    channels = ["Facebook", "Instagram", "LinkedIn", "X"]
    if kind == "bar":
        axes.bar(channels, [7, 7, 3, 70], color="#4F81BD")
        axes.set_ylabel("Publications / semaine")
    else:
        axes.plot([1, 2, 3, 4, 5, 6], [120, 180, 260, 310, 420, 500], marker="o")
        axes.set_ylabel("Abonnés")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getvalue()


def sample_document(lang: str = "fr") -> Document:
    fr = french_typography
    cadence = Table(
        caption=fr("Cadence de publication par réseau : objectif et réalité"),
        header=["Réseau", "Publications / semaine", "Heures", "Budget (€)"],
        rows=[
            ["Facebook", "7", "3,5", "1\u202f500\u00a0€"],
            ["Instagram", "7", "5", "2\u202f000\u00a0€"],
            ["X | Twitter", "70", "10,5", "0\u00a0€"],
            ["Blog\n(articles longs)", "2", "8", "750\u00a0€"],
        ],
        numeric=[False, True, True, True],
    )
    raci = Table(
        caption="Matrice RACI",
        header=["Tâche", "Responsable", "Approbateur"],
        rows=[
            ["Répondre aux clients", "Chargée de clientèle", "Directrice"],
            ["Publier sur LinkedIn", "Community manager", "Directrice"],
        ],
    )
    formulas = Table(
        caption="Formules",
        header=["Indicateur", "Formule"],
        rows=[["Taux d'engagement", Code("sum(engagements) / sum(reach) * 100")]],
    )
    return Document(
        lang=lang,
        title="Stratégie social media — Café Éloïse",
        subtitle=fr("Les dix questions : où en sommes-nous ?"),
        meta=[
            ("Organisation", "Café Éloïse"),
            ("Période", "1 mars 2027 – 28 février 2028"),
            ("Version", "3 (approuvée)"),
        ],
        sections=[
            Section(
                id="q1-strategy",
                title=fr("Quelle est votre stratégie ?"),
                blocks=[
                    Paragraph(
                        fr("Notre mission : faire découvrir des cafés d'exception à Lyon."),
                        emphasis=True,
                    ),
                    Paragraph(
                        "Valeurs : proximité, qualité, transparence. Une phrase avec des "
                        "*astérisques*, un_souligné et un <chevron>."
                    ),
                    Bullets(
                        [
                            "Augmenter la notoriété locale",
                            "Fidéliser les clients réguliers",
                            fr("Recruter deux baristas : « marque employeur »"),
                        ]
                    ),
                ],
                subsections=[
                    Section(
                        id="q1-messages",
                        title="Messages clés",
                        blocks=[Bullets(["Café de spécialité", "Torréfaction artisanale"])],
                    ),
                    Section(
                        id="q1-positioning",
                        title="Positionnement & concurrence",
                        blocks=[Paragraph("Trois concurrents directs à moins de 500 m.")],
                    ),
                ],
            ),
            Section(
                id="q7-frequency",
                title="Fréquence de publication",
                blocks=[
                    Paragraph("La cadence découle des références de la méthode."),
                    cadence,
                    Figure(
                        caption="Publications hebdomadaires par réseau",
                        png=chart_png("bar"),
                        alt="Histogramme : X 70, Facebook 7, Instagram 7, LinkedIn 3.",
                    ),
                ],
                subsections=[
                    Section(
                        id="q7-calendar",
                        title="Calendrier éditorial",
                        blocks=[
                            Figure(
                                caption=fr("Abonnés : trajectoire vers la cible"),
                                png=chart_png("line"),
                                alt="Courbe des abonnés de 120 à 500 en six mois.",
                            ),
                        ],
                    ),
                ],
            ),
            Section(
                id="q9-raci",
                title="Qui est responsable ?",
                blocks=[raci, formulas],
            ),
        ],
    )


def tables(document: Document) -> list[Table]:
    return [b for s in document.all_sections() for b in s.blocks if isinstance(b, Table)]


def figures(document: Document) -> list[Figure]:
    return [b for s in document.all_sections() for b in s.blocks if isinstance(b, Figure)]
