"""Tokens the model reads: the same for training and use, so each rule is pinned here."""

from __future__ import annotations

from stratege.listening.normalise import decode_escapes, negation_scopes, tokens


def marked(text: str) -> list[str]:
    return negation_scopes(tokens(text))


def test_it_decodes_the_datas_json_escapes() -> None:
    assert decode_escapes("i\\u2019m here\\u002c ok") == "i’m here, ok"
    assert decode_escapes("\\ud83d\\ude02") == "😂"


def test_it_folds_case_accents_and_apostrophes() -> None:
    assert tokens("Très Été") == ["tres", "ete"]
    assert tokens("C’est") == ["c'", "est"]


def test_it_splits_french_elisions() -> None:
    assert tokens("j'adore l'été qu'il aime") == ["j'", "adore", "l'", "ete", "qu'", "il", "aime"]
    assert tokens("jusqu'au bout") == ["jusqu'", "au", "bout"]


def test_it_keeps_english_contractions_whole() -> None:
    assert tokens("I don't know, I'm sure") == ["i", "don't", "know", ",", "i", "'m", "sure"]


def test_it_shortens_elongations_and_marks_them() -> None:
    assert tokens("trooop bieeen !!!!") == ["<elong>", "troop", "bieen", "!!"]


def test_it_replaces_users_and_links() -> None:
    assert tokens("@Bob voir https://x.co/a #Promo") == ["@user", "voir", "http", "#", "promo"]


def test_it_keeps_emojis_and_emoticons_as_tokens() -> None:
    assert tokens("top 😍😍 :) :-( <3 xD") == ["top", "😍", "😍", ":)", ":-(", "<3", "xd"]


def test_a_clock_time_is_no_emoticon() -> None:
    assert ":3" not in tokens("rdv à 10:30")


def test_it_marks_shouting() -> None:
    assert tokens("C'EST NUL")[-1] == "<shout>"


def test_a_negation_marks_the_words_up_to_the_punctuation() -> None:
    assert marked("pas bon, super") == ["pas", "bon_neg", ",", "super"]
    assert marked("not good. great") == ["not", "good_neg", ".", "great"]
    assert marked("I don't like it") == ["i", "don't", "like_neg", "it_neg"]


def test_ne_opens_the_scope_and_elisions_stay_unmarked() -> None:
    assert marked("je ne l'aime pas") == ["je", "ne", "l'", "aime_neg", "pas"]
    assert marked("jamais content mais bon") == ["jamais", "content_neg", "mais", "bon"]
