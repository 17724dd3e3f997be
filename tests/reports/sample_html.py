"""A small hand-built document for the HTML and PDF renderer tests.

Every block type, two levels of sections, an accented French title with French typography,
tables with numeric columns and hostile cells (markup, ampersands, quotes, line breaks),
and real PNG charts drawn with the standard library only.
"""

from __future__ import annotations

import functools
import struct
import zlib

from stratege.i18n import french_typography
from stratege.reports.document import Bullets, Document, Figure, Paragraph, Section, Table

SCRIPT = "<script>alert(1)</script>"
TABLES = 4
FIGURES = 3


def png(width: int, height: int, bars: list[float], colour: tuple[int, int, int]) -> bytes:
    """A bar chart as an RGB PNG: white background, grey axis, one coloured bar per value
    (0 to 1 of the height)."""
    rows = []
    slot = width // max(len(bars), 1)
    for y in range(height):
        row = bytearray(b"\x00")  # filter type: none
        for x in range(width):
            pixel = (255, 255, 255)
            if x < 4 or y >= height - 4:
                pixel = (90, 90, 90)
            else:
                index = x // slot
                inside = slot // 5 < x % slot < slot - slot // 5
                if index < len(bars) and inside and y >= height - 4 - bars[index] * (height - 8):
                    shade = (index * 37) % 80
                    pixel = (max(colour[0] - shade, 0), colour[1], min(colour[2] + shade, 255))
            row += bytes(pixel)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


@functools.cache
def charts() -> tuple[bytes, bytes, bytes]:
    return (
        png(480, 240, [0.3, 0.35, 0.15, 0.95], (31, 78, 137)),
        png(480, 240, [0.4, 0.25, 0.2, 0.15], (200, 90, 40)),
        png(480, 240, [0.1, 0.25, 0.45, 0.6, 0.8, 0.95], (40, 140, 90)),
    )


def sample_document(lang: str = "fr") -> Document:
    """The same small strategy document in French or English."""
    fr = lang == "fr"

    def t(french: str, english: str) -> str:
        return french_typography(french) if fr else english

    mix, pillars_chart, trajectory = charts()
    objectives = Table(
        caption=t("Objectifs et priorités", "Objectives and priorities"),
        header=[t("Objectif", "Objective"), t("Priorité", "Priority"), t("Cible", "Target")],
        rows=[
            [t("Visibilité locale", "Local visibility"), t("Principale", "Primary"), "12\u202f000"],
            [t("Communauté", "Community"), t("Secondaire", "Secondary"), "1\u202f500"],
            [t("Service client", "Customer service"), t("Secondaire", "Secondary"), "95\u00a0%"],
        ],
        numeric=[False, False, True],
    )
    pillars = Table(
        caption=t("Piliers de contenu & tons", "Content pillars & tones"),
        header=[t("Pilier", "Pillar"), t("Ton", "Tone"), t("Part", "Share")],
        rows=[
            [t("Coulisses de l’atelier", "Behind the scenes"), t("Proximité", "Proximity"), "40"],
            [SCRIPT, t("Humour « maison »", 'Home-made "humour"'), "25"],
            ["R&D <b>pain</b>", t("Expertise\nlongue", "Expertise\nlong"), "35"],
        ],
        numeric=[False, False, True],
    )
    kpis = Table(
        caption=t("Plan des indicateurs", "KPI plan"),
        header=["KPI", t("Référence", "Baseline"), t("Objectif", "Target"), t("Budget", "Budget")],
        rows=[
            [
                t("Taux d’engagement", "Engagement rate"),
                "1,2\u00a0%",
                "3\u00a0%",
                "1\u202f500\u00a0€",
            ],
            [t("Abonnés", "Followers"), "820", "2\u202f000", "0\u00a0€"],
        ],
        numeric=[False, True, True, True],
    )
    trajectory_table = Table(
        caption=t("Trajectoire trimestrielle", "Quarterly trajectory"),
        header=[t("Trimestre", "Quarter"), t("Abonnés", "Followers")],
        rows=[["T1", "950"], ["T2", "1\u202f200"], ["T3", "1\u202f600"], ["T4"]],  # short row
        numeric=[False, True],
    )
    sections = [
        Section(
            "q1-strategy",
            t("1. Quelle est votre stratégie ?", "1. What is your strategy?"),
            [
                Paragraph(
                    t("Être la boulangerie préférée du quartier.", "Be the local favourite."),
                    emphasis=True,
                ),
                Paragraph(
                    t(
                        "Mission : nourrir le quartier ; valeurs : qualité & proximité.",
                        "Mission: feed the neighbourhood; values: quality & proximity.",
                    )
                ),
                Bullets([t("Fidéliser", "Retain"), t("Recruter des apprentis", "Hire"), SCRIPT]),
            ],
            [
                Section(
                    "q1-positioning",
                    t("Positionnement et messages clés", "Positioning and key messages"),
                    [Paragraph(t("Artisanal, local, généreux.", "Craft, local, generous."))],
                ),
            ],
        ),
        Section(
            "q2-priorities",
            t("2. Priorités e-réputation", "2. E-reputation priorities"),
            [objectives],
            [
                Section(
                    "q2-smart",
                    t("Contrôle SMART", "SMART check"),
                    [
                        Paragraph(t("Deux objectifs sans date.", "Two objectives lack a date.")),
                        Bullets([t("Communauté : ajouter une échéance", "Community: add a date")]),
                    ],
                ),
            ],
        ),
        Section(
            "q6-content",
            t("6. Contenus & piliers", "6. Content & pillars"),
            [
                pillars,
                Figure(
                    t("Publications par réseau", "Posts per network"),
                    mix,
                    t('Barres : "X" domine', 'Bars: "X" dominates'),
                ),
            ],
            [
                Section(
                    "q6-mix",
                    t("Répartition des piliers", "Pillar mix"),
                    [Figure(t("Part des piliers", "Pillar shares"), pillars_chart, "")],
                ),
            ],
        ),
        Section(
            "kpi-plan",
            t("Plan des indicateurs", "KPI plan"),
            [Paragraph(t("Chaque KPI a une cible.", "Every KPI has a target.")), kpis],
            [
                Section(
                    "kpi-trajectories",
                    t("Trajectoires vers les cibles", "Trajectories to targets"),
                    [
                        trajectory_table,
                        Figure(
                            t("Abonnés par trimestre", "Followers per quarter"),
                            trajectory,
                            t("Courbe croissante", "Rising curve"),
                        ),
                    ],
                ),
            ],
        ),
    ]
    return Document(
        lang=lang,
        title=t("Stratégie sur les médias sociaux — Boulangerie Étoilée", "Social media strategy"),
        subtitle=t("Maison Lefèvre & Fils", "Lefèvre & Sons bakery"),
        meta=[
            (t("Organisation", "Organisation"), t("Maison Lefèvre & Fils", "Lefèvre & Sons")),
            (t("Période", "Period"), t("janvier à décembre 2027", "January to December 2027")),
            (t("Version", "Version"), "3 <approuvée>" if fr else "3 <approved>"),
        ],
        sections=sections,
    )
