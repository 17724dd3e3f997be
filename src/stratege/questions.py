"""The ten questions of the method, in one place: the checks group findings by them, the
wizard asks them, the documents and the web pages follow them.

Number 0 is the frame every strategy needs before question 1 (organisation, period,
language). Each question knows the sections of the strategy file that answer it, so a
finding's path tells which question it belongs to, and a web page which fields to show.
Texts are gettext message ids (English); French lives in ``locale/fr/.../questions.po``.
"""

from __future__ import annotations

from dataclasses import dataclass

from stratege.i18n import Lang
from stratege.i18n.catalogue import N_, translator


@dataclass(frozen=True)
class Question:
    number: int
    anchor: str  # stable id of its section in documents and web pages
    asked: str  # the question as the method asks it ("What is your strategy?")
    answered: str  # the heading of the document that answers it ("What is our strategy?")
    explanation: str  # what it is for, in one or two plain sentences
    sections: tuple[str, ...]  # top-level keys of the strategy file that answer it

    def title(self, lang: Lang) -> str:
        """'1. What is your strategy?' ('General frame' for number 0)."""
        return self._numbered(translator(lang)(self.asked))

    def heading(self, lang: Lang) -> str:
        """'1. What is our strategy?': how the strategy document titles its answer."""
        return self._numbered(translator(lang)(self.answered))

    def explain(self, lang: Lang) -> str:
        return translator(lang)(self.explanation)

    def _numbered(self, text: str) -> str:
        return f"{self.number}. {text}" if self.number else text


QUESTIONS: tuple[Question, ...] = (
    Question(
        0,
        "frame",
        N_("General frame"),
        N_("General frame"),
        N_("First, who are you and what period does the strategy cover?"),
        ("schema_version", "language", "period", "organisation", "knowledge"),
    ),
    Question(
        1,
        "q1-strategy",
        N_("What is your strategy?"),
        N_("What is our strategy?"),
        N_(
            "Your social media presence serves the organisation's project. Describe its "
            "purpose and goals: every social objective will have to serve one of them."
        ),
        ("organisation",),
    ),
    Question(
        2,
        "q2-priorities",
        N_("What are your priorities?"),
        N_("What are our priorities?"),
        N_(
            "An online presence can pursue several aims. Pick those that matter and name the "
            "top priority: not everything can come first."
        ),
        ("objectives",),
    ),
    Question(
        3,
        "q3-audit",
        N_("Where do you and your competitors stand?"),
        N_("Where do we and our competitors stand?"),
        N_(
            "Before setting a course, look at where you start from: your current accounts "
            "and the competitors you watch. These figures will be your point of comparison."
        ),
        ("audit", "listening"),
    ),
    Question(
        4,
        "q4-indicators",
        N_("What will your indicators be?"),
        N_("What will our indicators be?"),
        N_(
            "An objective is steered by a number. For each one, pick an indicator, its "
            "current value if you know it, and the value to reach by the deadline."
        ),
        ("kpis",),
    ),
    Question(
        5,
        "q5-audiences",
        N_("Who are your audiences?"),
        N_("Who are our audiences?"),
        N_(
            "Who do you want to reach? For each audience, say where it is present and how it "
            "looks for information: that is where your accounts (your channels) need to be."
        ),
        ("audiences", "channels"),
    ),
    Question(
        6,
        "q6-content",
        N_("What content will you publish?"),
        N_("What content will we publish?"),
        N_(
            "Choose the main themes you will cover (your pillars), the form of the posts on "
            "each channel and the tone you will use."
        ),
        ("content",),
    ),
    Question(
        7,
        "q7-frequency",
        N_("How often will you publish?"),
        N_("How often will we publish?"),
        N_(
            "Set a pace you can keep on each channel. Stratège suggests the platform's "
            "reference pace and its best time slots."
        ),
        ("cadence",),
    ),
    Question(
        8,
        "q8-resources",
        N_("What will your resources be?"),
        N_("What will our resources be?"),
        N_(
            "Who will do the work, with which tools and what budget? Stratège estimates the "
            "hours your choices call for, to help you size the team."
        ),
        ("resources",),
    ),
    Question(
        9,
        "q9-responsibilities",
        N_("Who will be responsible?"),
        N_("Who will be responsible?"),
        N_(
            "For each activity, at least one person does it (R) and exactly one answers for "
            "it (A). Stratège suggests a split based on everyone's skills."
        ),
        ("responsibilities",),
    ),
    Question(
        10,
        "q10-advertising",
        N_("Will you advertise?"),
        N_("Will we advertise?"),
        N_(
            "Advertising takes the organisation beyond its community at chosen moments: a "
            "launch, a season, a recruitment drive."
        ),
        ("advertising", "occasions"),
    ),
)

BY_NUMBER: dict[int, Question] = {q.number: q for q in QUESTIONS}


def question(number: int) -> Question:
    return BY_NUMBER[number]


def question_of_path(path: tuple[str | int, ...]) -> Question:
    """The question a field of the strategy file answers (by its top-level section)."""
    head = str(path[0]) if path else ""
    if head == "organisation" and len(path) > 1:
        frame = ("name", "sector", "country", "languages", "size", "website")
        return BY_NUMBER[0] if path[1] in frame else BY_NUMBER[1]
    return next((q for q in QUESTIONS[1:] if head in q.sections), BY_NUMBER[0])
