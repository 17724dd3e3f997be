"""Questions 5 to 7: audiences and channels, content, cadence."""

from __future__ import annotations

from stratege.i18n.numbers import num
from stratege.knowledge.models import Knowledge
from stratege.strategy.model import Audience, Cadence, Channel, FormatMix, Pillar
from stratege.wizard.answers import (
    format_cadence,
    format_mix,
    format_windows,
    parse_cadence,
    parse_mix,
    parse_shares,
    parse_windows,
    split_list,
)
from stratege.wizard.draft import Draft
from stratege.wizard.labels import AUDIENCE_KINDS, INFORMATION_SOURCES
from stratege.wizard.prompter import Asker
from stratege.wizard.suggest import (
    AUDIENCE_PLATFORMS,
    AUDIENCE_SOURCES,
    default_mix,
    equal_shares,
    unique_id,
)

DEFAULT_PILLARS = {
    "fr": "Savoir-faire, Coulisses, Actualités et offres",
    "en": "Know-how, Behind the scenes, News and offers",
}
DEFAULT_CARE_HOURS = "mon-fri 09:00-12:00; mon-fri 14:00-17:00"
DEFAULT_RESPONSE_HOURS = 24


def ask_audiences(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 5: who to reach, where they are, how they look for information; channels."""
    ask.question(5)
    taken: set[str] = set()
    defaults = ("customers", "prospects")
    while True:
        default_kind = defaults[min(len(draft.audiences), 1)]
        draft.audiences.append(_audience(ask, kb, default_kind, taken))
        if not ask.yes_no(
            {"fr": "Ajouter une autre cible ?", "en": "Add another audience?"}, False
        ):
            break
    _ask_channels(ask, kb, draft)


def _audience(ask: Asker, kb: Knowledge, default_kind: str, taken: set[str]) -> Audience:
    kinds = [(k, ask.tr(v)) for k, v in AUDIENCE_KINDS.items()]
    kind = ask.pick_one({"fr": "Type de cible", "en": "Kind of audience"}, kinds, default_kind)
    name = ask.text(
        {"fr": "Nom de cette cible", "en": "Name of this audience"},
        default=ask.tr(AUDIENCE_KINDS[kind]),
    )
    platforms = [(k, ask.tr(p.name)) for k, p in kb.platforms.items()]
    present = ask.pick(
        {"fr": "Où est-elle présente ?", "en": "Where is it present?"},
        platforms,
        AUDIENCE_PLATFORMS[kind],
        minimum=0,
    )
    sources = ask.pick(
        {"fr": "Comment s'informe-t-elle ?", "en": "How does it look for information?"},
        [(k, ask.tr(v)) for k, v in INFORMATION_SOURCES.items()],
        AUDIENCE_SOURCES[kind],
        minimum=0,
    )
    return Audience(
        id=unique_id(name, taken, "audience"),
        name=name,
        kind=kind,  # type: ignore[arg-type]
        platforms=present,
        information_sources=sources,  # type: ignore[arg-type]
    )


def _ask_channels(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    ask.say(
        {
            "fr": "Vos canaux sont les comptes que vous animerez.",
            "en": "Your channels are the accounts you will run.",
        }
    )
    where = list(dict.fromkeys(p for a in draft.audiences for p in a.platforms))
    platforms = [(k, ask.tr(p.name)) for k, p in kb.platforms.items()]
    chosen = ask.pick({"fr": "Canaux", "en": "Channels"}, platforms, where or ["facebook"])
    care = _ask_care_channel(ask, kb, draft, chosen)
    handles = {a.platform: a.handle for a in draft.audit.accounts if a.owner == "own"}
    objectives = [o.id for o in draft.objectives]
    draft.channels = [
        Channel(
            id=p,
            platform=p,
            handle=handles.get(p, ""),
            purpose=["customer_care" if p == care else "main"],
            audiences=[a.id for a in draft.audiences if p in a.platforms],
            objectives=objectives,
        )
        for p in chosen
    ]


def _ask_care_channel(ask: Asker, kb: Knowledge, draft: Draft, chosen: list[str]) -> str | None:
    suitable = [p for p in chosen if kb.platforms[p].supports_customer_care]
    if not suitable:
        return None
    wanted = any(o.kind == "customer_service" for o in draft.objectives)
    picked = ask.pick(
        {
            "fr": "Quel canal sert à la relation client ?",
            "en": "Which channel is used for customer care?",
        },
        [(p, ask.tr(kb.platforms[p].name)) for p in suitable],
        suitable[:1] if wanted else [],
        minimum=0,
        maximum=1,
    )
    return picked[0] if picked else None


def ask_content(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 6: content pillars and their shares, format mix per channel, tones."""
    ask.question(6)
    content = draft.content
    names = split_list(
        ask.text(
            {
                "fr": "Piliers de contenu (séparés par des virgules)",
                "en": "Content pillars (comma-separated)",
            },
            default=ask.tr(DEFAULT_PILLARS),
        )
    )
    shares = [100.0] * len(names)
    if len(names) > 1:
        shares = ask.ask(
            ask.tr(
                {
                    "fr": "Part de chaque pilier en % (total 100)",
                    "en": "Share of each pillar in % (total 100)",
                }
            ),
            lambda raw: parse_shares(raw, len(names)),
            ", ".join(str(s) for s in equal_shares(len(names))),
        )
    taken: set[str] = set()
    objectives = [o.id for o in draft.objectives]
    content.pillars = [
        Pillar(id=unique_id(n, taken, "pillar"), name=n, share=s, objectives=objectives)
        for n, s in zip(names, shares, strict=True)
    ]
    content.formats = [_format_mix(ask, kb, c) for c in draft.channels]
    tones = [(k, ask.tr(v)) for k, v in kb.tones.items()]
    content.tones = ask.pick(
        {"fr": "Ton", "en": "Tone"}, tones, [k for k, _ in tones[:2]], minimum=0
    )


def _format_mix(ask: Asker, kb: Knowledge, channel: Channel) -> FormatMix:
    platform = kb.platforms[channel.platform]
    supported = platform.formats
    ask.say(
        {"fr": "Formats possibles sur {name} :", "en": "Formats available on {name}:"},
        name=ask.tr(platform.name),
    )
    ask.listing([f"{ask.tr(kb.formats[f].name)} ({f})" for f in supported])
    mix = ask.ask(
        ask.tr(
            {
                "fr": "Répartition des formats en % (format=part)",
                "en": "Format mix in % (format=share)",
            }
        ),
        lambda raw: parse_mix(raw, supported),
        format_mix(default_mix(channel.platform, supported)),
    )
    return FormatMix(channel=channel.id, mix=mix)


def ask_cadence(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 7: posts per channel, publishing windows, customer-care promises."""
    ask.question(7)
    draft.cadence = [_cadence(ask, kb, channel) for channel in draft.channels]


def _cadence(ask: Asker, kb: Knowledge, channel: Channel) -> Cadence:
    platform = kb.platforms[channel.platform]
    name, reference = ask.tr(platform.name), platform.cadence
    posts, per = ask.ask(
        ask.tr(
            {
                "fr": "{name} : publications (référence {low} à {high} par semaine ; "
                "ex. 3/semaine, 1/jour)",
                "en": "{name}: posts (reference {low} to {high} a week; e.g. 3/week, 1/day)",
            },
            name=name,
            low=num(reference.min, ask.lang, 2),
            high=num(reference.max, ask.lang, 2),
        ),
        parse_cadence,
        format_cadence(reference.typical, ask.lang),
    )
    windows = ask.ask(
        ask.tr(
            {"fr": "{name} : créneaux de publication", "en": "{name}: publishing windows"},
            name=name,
        ),
        parse_windows,
        format_windows(platform.windows, ask.lang),
    )
    cadence = Cadence(
        channel=channel.id,
        posts=posts,
        per=per,  # type: ignore[arg-type]
        windows=windows,
    )
    if channel.customer_care:
        cadence.response_time_hours = ask.number(
            {
                "fr": "{name} : délai de première réponse promis, en heures",
                "en": "{name}: promised first-response time, in hours",
            },
            DEFAULT_RESPONSE_HOURS,
            0.1,
            720,
            name=name,
        )
        cadence.covered_hours = ask.ask(
            ask.tr(
                {
                    "fr": "{name} : heures où les messages sont traités",
                    "en": "{name}: hours when messages are answered",
                },
                name=name,
            ),
            parse_windows,
            format_windows(parse_windows(DEFAULT_CARE_HOURS), ask.lang),
        )
    return cadence
