"""From a raw post to the tokens the sentiment model reads, the same in training and use.

One pass for both languages, so that a text needs no language to be tokenised (the
language detector reads the same tokens): JSON escapes decoded, lower case, accents
folded ("très" and "tres" are one word on social media), letters repeated three times or
more cut to two with a mark ("trooop" → "troop" and ``<elong>``), user names and links
as ``@user`` and ``http``, French elisions split ("j'adore" → "j'" "adore"), emojis and
emoticons kept as tokens, and every word in a negation's scope marked (see
:func:`negation_scopes`).
"""

from __future__ import annotations

import re
import unicodedata

ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
URL = re.compile(r"https?://\S+|www\.\S+|\bhttps?\b")
USER = re.compile(r"@\w+")
SHOUT = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-Þ]{3,}(?!\w)")
TRIPLE = re.compile(r"(.)\1\1")  # the same character three times: maybe one of these two
ELONGATION = re.compile(r"(\w)\1{2,}")
PUNCT_RUN = re.compile(r"([!?.])\1{2,}")
EMOTICON = (  # :) ;-) :'( :d :p <3 xd ^^ …, not the colon of "10:30"
    r"(?:</?3|(?<!\d)[:;=][\-'o^]?[)(\]\[dpo/\\|*3]+(?!\w)|(?<!\w)8[\-'o^]?[)(dp]+(?!\w)"
    r"|(?<!\w)x[dp](?!\w)|\^_?\^)"
)
EMOJI = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF]"
# French elisions: the article, pronoun or conjunction before a vowel, split from its word
ELISION = r"(?:jusqu|lorsqu|puisqu|quoiqu|qu|[ljcdmnst])'"
# what a run of non-blank characters that is not a plain word splits into (lower case)
TOKEN = re.compile(
    rf"[^\W_]+n't|{ELISION}|[^\W_]+|{EMOTICON}|{EMOJI}|@user|#|'(?:m|s|re|ll|ve|d)\b"
    r"|[!?]+|[.,;:]+|\S"
)


def _folding_table() -> dict[int, str]:
    """Accented Latin letters → their base letters; typographic apostrophes → '."""
    table = {ord(mark): "'" for mark in "’`´‘ʼ"}
    for code in range(0xC0, 0x250):
        letter = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFD", letter) if not unicodedata.combining(c)
        )
        if base != letter:
            table[code] = base
    return table


FOLDING = _folding_table()
# a negation opens a scope that runs to the next punctuation mark
NEGATORS = frozenset(
    [
        "not",
        "no",
        "never",
        "nothing",
        "nobody",
        "nowhere",
        "neither",
        "nor",
        "cannot",
        "without",
        "ne",
        "n'",
        "pas",
        "jamais",
        "rien",
        "aucun",
        "aucune",
        "sans",
        "ni",
    ]
)
SCOPE_ENDS = frozenset(".,;:!?") | {"but", "mais", "cependant", "however"}
NEGATED = "_neg"


def decode_escapes(text: str) -> str:
    """``\\u2019`` → ’ as in the published tweets; pairs of surrogates become one emoji."""
    if "\\u" not in text:
        return text
    decoded = ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    try:
        return decoded.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:  # a lone surrogate: drop it rather than fail
        return decoded.encode("utf-8", "ignore").decode("utf-8", "ignore")


def fold(text: str) -> str:
    """Lower case, typographic apostrophes as ', accents removed (é → e, ç → c)."""
    return text.lower().translate(FOLDING)


def tokens(text: str) -> list[str]:
    """The text's tokens, before negation marking (also what the char n-grams read)."""
    text = decode_escapes(text)
    if "http" in text or "www." in text:  # substring tests first: most texts have neither
        text = URL.sub(" http ", text)
    if "@" in text:
        text = USER.sub(" @user ", text)
    shouts = SHOUT.search(text) is not None
    text = fold(text)
    found: list[str] = []
    if TRIPLE.search(text):
        if ELONGATION.search(text):
            text = ELONGATION.sub(r"\1\1", text)
            found.append("<elong>")
        text = PUNCT_RUN.sub(r"\1\1", text)
    split = TOKEN.findall
    for chunk in text.split():  # most chunks are plain words: no regular expression
        if chunk.isalnum():
            found.append(chunk)
        else:
            found.extend(split(chunk))
    if shouts:
        found.append("<shout>")
    return found


def is_negator(token: str) -> bool:
    return token in NEGATORS or token.endswith("n't")


def negation_scopes(words: list[str]) -> list[str]:
    """Words after a negation, up to the next punctuation or "but", marked ``_neg``:
    "pas bon" → "pas" "bon_neg", "not good" → "not" "good_neg", "ne l'aime pas" → …"""
    if NEGATORS.isdisjoint(words) and "n't" not in " ".join(words):
        return words
    marked = []
    inside = False
    for word in words:
        if word in SCOPE_ENDS:
            inside = False
            marked.append(word)
        elif is_negator(word):
            inside = True
            marked.append(word)
        else:
            marked.append(
                word + NEGATED if inside and word[0].isalpha() and word[-1] != "'" else word
            )
    return marked
