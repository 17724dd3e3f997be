"""The three sentiment labels, in the order of the model's scores."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Label = Literal["negative", "neutral", "positive"]
LABELS: tuple[Label, ...] = ("negative", "neutral", "positive")  # the data's 0, 1, 2


@dataclass(frozen=True)
class Sentiment:
    """One text's label, the probability of each label (they sum to 1), and the language
    the model read it in (given, or detected with ``lang="auto"``)."""

    label: Label
    scores: dict[Label, float]
    lang: str | None  # None: an empty text under ``lang="auto"`` (nothing to detect)

    def as_dict(self) -> dict[str, object]:
        return {"label": self.label, "scores": dict(self.scores), "lang": self.lang}
