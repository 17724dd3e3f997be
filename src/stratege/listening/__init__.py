"""Listening: what is said about a brand and its competitors on the social web.

For now, the offline French/English sentiment of short texts:
:func:`~stratege.listening.sentiment.classify` (batched; labels and scores) and
:func:`~stratege.listening.sentiment.detect_languages`. Submodules are imported by their
callers: loading the model costs a fraction of a second that other commands need not pay.
"""
