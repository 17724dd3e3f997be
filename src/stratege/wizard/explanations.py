"""The wizard's opening words (each question's own explanation is in stratege.questions)."""

from __future__ import annotations

from stratege.i18n.catalogue import N_

INTRO = N_(
    "Stratège will ask you the ten questions of a social media strategy. Press Enter to "
    "keep the value suggested in brackets: everything can be changed later in the YAML file."
)
INTRO_EDIT = N_(
    "Stratège will go through the ten questions again, with the answers of your file as "
    "suggested values: press Enter to keep one, type a new answer to change it, or - to "
    "remove an item from a list."
)
