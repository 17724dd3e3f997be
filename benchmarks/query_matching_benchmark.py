"""How fast the listening queries of ten brands match a million mentions.

Run:  python benchmarks/query_matching_benchmark.py [--mentions 1000000] [--data DIR]

Mentions are the French and English tweets of the sentiment data's validation split (DATA,
default ../shared/data/sentiment), repeated to the count asked, a third of them with one of
the brands' names, hashtags or handles written in (deterministically, with accents and
capitals varied). Ten queries of the kind a listening tool is given — phrases, AND / OR /
NOT, parentheses, wildcards, hashtags, handles — are compiled once and matched with
:func:`stratege.queries.match_many`. Prints the wall time, mentions a second and how many
mentions each brand matched.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from stratege.queries import compile_query, match_many

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "sentiment"
QUERIES = {
    "martin": '"boulangeries martin" OR #BoulangeriesMartin OR @boulmartin OR '
    '(martin AND (pain OR baguette* OR viennoiserie*)) NOT "martin garrix"',
    "ange": '"ange boulangerie" OR "boulangerie ange" OR #AngeBoulangerie OR @ange_officiel',
    "paul": '("maison paul" OR "boulangerie paul" OR #paul) AND NOT (apôtre OR "saint paul")',
    "marie-blachere": '"marie blachère" OR "marie blachere" OR #marieblachere OR @MarieBlachere',
    "feuillette": "feuillette* AND (pain OR boulangerie OR gâteau*)",
    "northwind": '"northwind analytics" OR @northwind OR #northwind OR (northwind AND data*)',
    "contoso": '(contoso OR "contoso bi") AND (dashboard* OR report* OR analytics) -hiring',
    "fabrikam": '#fabrikam OR "fabrikam cloud" OR (fabrikam AND NOT fabrikam?jobs)',
    "tailspin": '"tailspin toys" OR @tailspin OR (tailspin AND (jouet* OR toy*))',
    "mairie": '"mairie de rives" OR #Rives OR @VilleDeRives OR (rives AND (mairie OR maire))',
}
INSERTS = [
    "Boulangeries Martin",
    "#boulangeriesmartin",
    "@BoulMartin",
    "Martin et ses baguettes",
    "l’Ange boulangerie",
    "Marie Blachère",
    "Feuilleté chez Feuillette, bon pain",
    "NorthWind Analytics",
    "@northwind",
    "Contoso BI dashboards",
    "Fabrikam Cloud",
    "Tailspin Toys",
    "la mairie de Rives",
    "#Rives",
]


def mentions(data: Path, count: int) -> list[str]:
    base = [
        line
        for lang in ("fr", "en")
        for line in (data / lang / "val_text.txt").read_text(encoding="utf-8").splitlines()
    ]
    chosen = random.Random(2027)
    texts = []
    for number in range(count):
        text = base[number % len(base)]
        if number % 3 == 0:
            text = f"{text} {chosen.choice(INSERTS)}"
        texts.append(text)
    return texts


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--mentions", type=int, default=1_000_000)
    arguments.add_argument("--data", type=Path, default=DEFAULT_DATA)
    options = arguments.parse_args()
    texts = mentions(options.data, options.mentions)
    started = time.perf_counter()
    queries = [compile_query(text) for text in QUERIES.values()]
    compiled = time.perf_counter()
    found = match_many(queries, texts)
    done = time.perf_counter()
    size = sum(map(len, texts)) / len(texts)
    print(f"{len(texts):,} mentions (average {size:.0f} characters), {len(queries)} queries")
    print(f"compiled in {compiled - started:.3f} s; matched in {done - compiled:.1f} s")
    print(f"{len(texts) / (done - compiled):,.0f} mentions a second, all queries together")
    for brand, hits in zip(QUERIES, found, strict=True):
        print(f"  {brand:16} {int(hits.sum()):>9,} mentions")


if __name__ == "__main__":
    main()
