"""Top terms and hashtags of the brand's mentions: stop words out, lemmas merged
("croissants" and "croissant"), the brand's own query words out, one count per mention,
and a sample of a period's texts said as such."""

from __future__ import annotations

from pathlib import Path

import pytest

from stratege.listening.terms import QueryWords, top_terms, words_of
from stratege.measure.store import open_store
from stratege.services.listening import listening_results
from stratege.strategy import StrategyDocument
from tests.listening.listen_store import example, fill, mention

TEXTS = [
    ("fr", "Les croissants de Boulangeries Martin sont délicieux #croissant #BoulangeriesMartin"),
    (
        "fr",
        "Un croissant et une baguette chez Martin, parfait ! https://t.co/x @boulangeriesmartin",
    ),
    ("fr", "J’adore leurs croissants, délicieuse viennoiserie #Croissant #Nantes"),
    ("en", "Loved the croissants at Martin's, loved them"),
]


@pytest.fixture
def document(tmp_path: Path) -> StrategyDocument:
    document = example(tmp_path)
    rows = [
        mention(f"t{i}", "2027-03-02", text=text, language=lang)
        for i, (lang, text) in enumerate(TEXTS)
    ]
    # a competitor's mention says croissant too: not the brand's
    rows.append(mention("c1", "2027-03-02", "ange", text="croissant croissant croissants"))
    rows.append(mention("t9", "2027-04-02", text="Super accueil, vendeuse adorable"))
    fill(document, rows)
    return document


def test_top_terms_merge_lemmas_and_drop_stop_words_and_query_words(
    document: StrategyDocument,
) -> None:
    march, april, whole = listening_results(document).terms
    assert (march.label, march.mentions, march.read) == ("2027-03", 4, 4)
    terms = {c.term: c.mentions for c in march.terms}
    assert terms["croissant"] == 4  # croissants, croissant: one lemma, once per mention
    assert terms["délicieux"] == 2  # délicieux, délicieuse
    assert terms["love"] == 1  # "loved" twice in one mention counts once
    assert march.terms[0].term == "croissant"
    # stop words, and the words of the brand's query (martin, boulang*, baguette*,
    # viennoiserie*, "boulangeries martin"), are left out
    for word in ("les", "de", "sont", "une", "chez", "leurs", "the", "at", "martin"):
        assert word not in terms
    for word in ("baguette", "viennoiserie", "boulangerie", "boulangeries"):
        assert word not in terms
    assert {c.term: c.mentions for c in march.hashtags} == {"#croissant": 2, "#nantes": 1}
    assert {c.term for c in april.terms} == {"super", "accueil", "vendeur", "adorable"}
    assert whole.period is None
    assert {c.term: c.mentions for c in whole.terms}["croissant"] == 4


def test_a_period_over_the_sample_is_read_on_a_sample(document: StrategyDocument) -> None:
    con = open_store(document.path.with_name(document.path.stem + ".data.duckdb"), read_only=True)
    try:
        march, *_ = top_terms(con, document.strategy, "month", sample=2)
    finally:
        con.close()
    assert (march.mentions, march.read) == (4, 2)
    assert sum(c.mentions for c in march.terms if c.term == "croissant") == 2


def test_query_words_follow_wildcards_phrases_and_hashtags() -> None:
    words = QueryWords(['"boulangeries martin" OR boulang* OR pain?'])
    assert "Martin" in words
    assert "boulangère" in words  # boulang*, accents aside
    assert "pains" in words
    assert "boulangeriesmartin" in words  # the phrase as one hashtag
    assert "croissant" not in words
    assert "pain" not in words  # pain? needs one more letter


def test_links_handles_and_digits_are_not_words() -> None:
    terms, tags = words_of(
        "Mangé sur https://exemple.fr/pain @someone 2027 #2027 #Fête", "fr", QueryWords([])
    )
    assert terms == {"manger"}
    assert tags == {"#fête"}
