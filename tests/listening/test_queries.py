"""The listening queries: what each construct matches, and where an unreadable one fails."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stratege.listening.queries import QueryError, compile_query, match_many

BRAND = '"boulangeries martin" OR #BoulangeriesMartin OR (martin AND (pain OR viennoiserie*))'


def matches(query: str, text: str) -> bool:
    return compile_query(query).matches(text)


@pytest.mark.parametrize(
    ("query", "text", "expected"),
    [
        # phrases: the words in order, only spaces or punctuation between them
        ('"boulangeries martin"', "Les Boulangeries Martin ouvrent", True),
        ('"boulangeries martin"', "boulangeries-martin.fr", True),
        ('"boulangeries martin"', "Martin et ses boulangeries", False),
        ('"boulangeries martin"', "les boulangeries de Martin", False),
        # whole words only
        ("martin", "Martin", True),
        ("martin", "Martinez", False),
        ("martin", "saint-martin", True),
        # AND / OR / NOT, juxtaposition is AND, -word is NOT
        ("martin AND pain", "du pain chez Martin", True),
        ("martin AND pain", "Martin", False),
        ("martin OR pain", "du pain", True),
        ("martin NOT garrix", "Martin Garrix en concert", False),
        ("martin NOT garrix", "Martin le boulanger", True),
        ("martin pain", "pain Martin", True),
        ("martin pain", "pain", False),
        ("martin -garrix", "Martin Garrix", False),
        # parentheses decide the grouping
        ("martin AND (pain OR croissant)", "un croissant Martin", True),
        ("(martin AND pain) OR croissant", "un croissant", True),
        ("martin AND (pain OR croissant)", "un croissant", False),
        # wildcards: * any letters, ? exactly one
        ("viennoiserie*", "Viennoiseries du jour", True),
        ("boul*", "boulangère", True),
        ("pa?n", "pain", True),
        ("pa?n", "pan", False),
        ("*ange", "un mélange", True),
        # accents and case, both ways; curly apostrophes and elisions; œ
        ("cafe", "CAFÉ crème", True),
        ("café", "cafe", True),
        ("ange", "L’Ange du pain", True),
        ('"l\'ange"', "chez l’Ange", True),
        ("oeuf", "un œuf", True),
        # hashtags and handles: the word matches them too, not the other way round
        ("#boulangerie", "vive la #Boulangerie !", True),
        ("#boulangerie", "vive la boulangerie", False),
        ("boulangerie", "vive la #boulangerie", True),
        ("@BoulMartin", "merci @boulmartin", True),
        ("@BoulMartin", "écrire à contact@boulmartin.fr", False),
        ("@BoulMartin", "BoulMartin", False),
    ],
)
def test_it_matches_what_listening_tools_match(query: str, text: str, expected: bool) -> None:
    assert matches(query, text) is expected


def test_a_brand_query_of_every_construct() -> None:
    assert matches(BRAND, "Je ❤️ les Boulangeries Martin")
    assert matches(BRAND, "#boulangeriesmartin forever")
    assert matches(BRAND, "les viennoiseries de Martin, mmm")
    assert not matches(BRAND, "Martin Garrix en concert")


def test_many_texts_at_once_agree_with_one_at_a_time() -> None:
    texts = [
        "Boulangeries Martin",
        "",
        "martin\npain",  # a line break inside a text
        "pain",
        "x\x00boulangeries martin",  # a NUL inside a text does not split it
        "boulangeries",
        "martin",  # a phrase never spans two texts
    ]
    queries = [compile_query(q) for q in (BRAND, '"boulangeries martin"', "NOT pain")]
    found = match_many(queries, texts)
    for query, hits in zip(queries, found, strict=True):
        assert hits.tolist() == [query.matches(t) for t in texts]
    assert found[1].tolist() == [True, False, False, False, True, False, False]


@pytest.mark.parametrize(
    ("query", "column", "expected"),
    [
        ("martin AND", 11, "after the operator"),
        ("(martin OR pain", 16, "closing parenthesis"),
        ("martin OR OR pain", 11, "before the operator"),
        ('"boulangeries martin', 1, "closing quote"),
        ("martin) pain", 7, "opening parenthesis"),
        ("AND martin", 1, "before the operator"),
        ("auteur:martin", 1, "a field"),
        ("martin~2", 1, "fuzzy"),
        ("*", 1, "wildcard alone"),
    ],
)
def test_an_unreadable_query_says_where_and_what_was_expected(
    query: str, column: int, expected: str
) -> None:
    with pytest.raises(QueryError) as raised:
        compile_query(query)
    assert raised.value.values["column"] == column
    assert expected in raised.value.message("en")
    french = raised.value.message("fr")
    assert f"{column}" in french and french != raised.value.message("en")


def test_an_empty_query_is_refused() -> None:
    with pytest.raises(QueryError) as raised:
        compile_query("   ")
    assert raised.value.code == "empty"


@pytest.mark.parametrize(
    ("query", "can_match"),
    [
        ("martin AND NOT martin", False),
        ('""', False),
        ('"" AND pain', False),
        ("martin -martin pain", False),
        ("(martin OR pain) AND NOT (martin OR pain)", False),
        ('martin OR ""', True),
        ("NOT martin", True),
        ("martin AND NOT pain", True),
    ],
)
def test_it_knows_a_query_that_can_never_match(query: str, can_match: bool) -> None:
    assert compile_query(query).can_match() is can_match


@given(st.text(max_size=200))
def test_any_text_gives_a_query_or_a_located_refusal(text: str) -> None:
    try:
        query = compile_query(text)
    except QueryError as error:
        assert error.message("fr") and error.message("en")
        assert error.position is None or 0 <= error.position <= len(text)
        return
    query.matches(text)
    assert match_many([query], [text, ""])[0].shape == (2,)


@given(st.text(max_size=300))
def test_any_mention_is_matched_without_error(text: str) -> None:
    assert compile_query(BRAND).matches(text) == match_many([compile_query(BRAND)], [text])[0][0]
