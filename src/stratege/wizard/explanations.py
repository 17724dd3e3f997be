"""The wizard's opening words (each question's own explanation is in stratege.questions)."""

from __future__ import annotations

from stratege.wizard.answers import Bilingual

INTRO: Bilingual = {
    "fr": (
        "Stratège va vous poser les dix questions d'une stratégie sur les médias sociaux. "
        "Appuyez sur Entrée pour garder la valeur proposée entre parenthèses : tout reste "
        "modifiable ensuite dans le fichier YAML."
    ),
    "en": (
        "Stratège will ask you the ten questions of a social media strategy. Press Enter to "
        "keep the value suggested in brackets: everything can be changed later in the YAML file."
    ),
}
