"""Questions 5 to 7: audiences and channels, content, cadence."""

from __future__ import annotations

from collections.abc import Sequence

from stratege.i18n.catalogue import N_
from stratege.i18n.numbers import num
from stratege.knowledge.models import Knowledge
from stratege.strategy.model import Audience, Cadence, Channel, Content, FormatMix, Pillar
from stratege.vocabulary import MODEL_KINDS
from stratege.wizard.answers import (
    format_cadence,
    format_mix,
    format_windows,
    join_list,
    mix_example,
    parse_cadence,
    parse_mix,
    parse_shares,
    parse_windows,
    split_list,
    write_cadence,
    write_number,
)
from stratege.wizard.draft import Draft
from stratege.wizard.prompter import Asker
from stratege.wizard.suggest import (
    AUDIENCE_PLATFORMS,
    AUDIENCE_SOURCES,
    default_mix,
    equal_shares,
    unique_id,
)

DEFAULT_PILLARS = N_("Know-how, Behind the scenes, News and offers")
DEFAULT_CARE_HOURS = "mon-fri 09:00-12:00; mon-fri 14:00-17:00"
DEFAULT_RESPONSE_HOURS = 24
DEFAULT_KINDS = ("customers", "prospects")
CARE = "customer_care"


# --- question 5 ---------------------------------------------------------------------------


def ask_audiences(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 5: who to reach, where they are, how they look for information; channels."""
    ask.question(5)
    before = draft.previous.audiences if draft.previous else []
    taken = {a.id for a in before}
    audiences = [a for a in (_edit_audience(ask, kb, a) for a in before) if a is not None]
    while not audiences or ask.yes_no(N_("Add another audience?"), False):
        default_kind = DEFAULT_KINDS[min(len(audiences), 1)]
        kind = ask.pick_one(
            N_("Kind of audience"), ask.options("audience-kind", _kinds()), default_kind
        )
        name = ask.text(
            N_("Name of this audience"), default=ask.word("audience-kind", kind), required=True
        )
        audience = Audience(id=unique_id(name, taken, "audience"), name=name, kind=kind)
        audiences.append(_ask_presence(ask, kb, audience, kind, before=False))
    draft.audiences = audiences
    _ask_channels(ask, kb, draft)


def _kinds() -> Sequence[str]:
    return MODEL_KINDS["audience-kind"]


def _edit_audience(ask: Asker, kb: Knowledge, before: Audience) -> Audience | None:
    """An audience from the file: kept, renamed, changed or (``-``) removed."""
    name = ask.name_or_remove(N_("Name of this audience"), name=before.name)
    if name is None:
        return None
    kind = ask.pick_one(N_("Kind of audience"), ask.options("audience-kind", _kinds()), before.kind)
    audience = before.model_copy(update={"name": name, "kind": kind})
    return _ask_presence(ask, kb, audience, kind, before=True)


def _ask_presence(
    ask: Asker, kb: Knowledge, audience: Audience, kind: str, before: bool
) -> Audience:
    """Where an audience is present and how it looks for information: its own answers when
    it comes from the file, else the usual places for its kind."""
    present = ask.pick(
        N_("Where is it present?"),
        ask.options("platform", list(kb.platforms)),
        audience.platforms if before else AUDIENCE_PLATFORMS[kind],
        minimum=0,
    )
    sources = ask.pick(
        N_("How does it look for information?"),
        ask.options("information-source", MODEL_KINDS["information-source"]),
        audience.information_sources if before else AUDIENCE_SOURCES[kind],
        minimum=0,
    )
    return audience.model_copy(update={"platforms": present, "information_sources": sources})


def _ask_channels(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    ask.say(N_("Your channels are the accounts you will run."))
    before = draft.previous.channels if draft.previous else []
    where = [c.platform for c in before] or [p for a in draft.audiences for p in a.platforms]
    chosen = ask.pick(
        N_("Channels"),
        ask.options("platform", list(kb.platforms)),
        list(dict.fromkeys(where)) or ["facebook"],
    )
    care = _ask_care_channel(ask, kb, draft, chosen, before)
    channels: list[Channel] = []
    for platform in chosen:
        previous = [c for c in before if c.platform == platform]
        channels += _platform_channels(draft, platform, previous, platform == care)
    draft.channels = channels


def _platform_channels(
    draft: Draft, platform: str, before: list[Channel], care: bool
) -> list[Channel]:
    """The channels on one platform: those of the file (several pages stay several), or a
    new one; customer care added to or removed from their purposes as answered. A file's
    channel keeps its audiences (those still there), and gains the new audiences present
    on its platform."""
    known = {a.id for a in draft.previous.audiences} if draft.previous else set()
    reaching = [a.id for a in draft.audiences if platform in a.platforms and a.id not in known]
    # A customer-service objective is served where customers are answered: on the care
    # channel, not on every page (which would then owe a response time too).
    objectives = [o.id for o in draft.objectives if care or o.kind != "customer_service"]
    if not before:
        handles = {a.platform: a.handle for a in draft.audit.accounts if a.owner == "own"}
        purpose = ["main", CARE] if care else ["main"]
        return [
            Channel(
                id=platform,
                platform=platform,
                handle=handles.get(platform, ""),
                purpose=purpose,
                audiences=reaching,
                objectives=objectives,
            )
        ]
    served = any(c.customer_care for c in before)
    channels = []
    for index, channel in enumerate(before):
        purpose = [p for p in channel.purpose if p != CARE]
        if care and (channel.customer_care or (not served and index == 0)):
            purpose.append(CARE)
        kept = [a for a in channel.audiences if any(a == b.id for b in draft.audiences)]
        declared = {o.id for o in draft.objectives}  # a file's channel keeps its own choice
        aims = [o for o in channel.objectives if o in declared] or objectives
        update = {
            "purpose": purpose or ["main"],
            "audiences": kept + [a for a in reaching if a not in kept],
            "objectives": aims,
        }
        channels.append(channel.model_copy(update=update))
    return channels


def _ask_care_channel(
    ask: Asker, kb: Knowledge, draft: Draft, chosen: list[str], before: list[Channel]
) -> str | None:
    suitable = [p for p in chosen if kb.platforms[p].supports_customer_care]
    if not suitable:
        return None
    previous = [c.platform for c in before if c.customer_care and c.platform in suitable]
    wanted = any(o.kind == "customer_service" for o in draft.objectives)
    default = previous[:1] or (suitable[:1] if wanted and not draft.previous else [])
    picked = ask.pick(
        N_("Which channel is used for customer care?"),
        ask.options("platform", suitable),
        default,
        minimum=0,
        maximum=1,
    )
    return picked[0] if picked else None


# --- question 6 ---------------------------------------------------------------------------


def ask_content(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 6: content pillars and their shares, format mix per channel, tones."""
    ask.question(6)
    content = draft.previous.content if draft.previous else Content()
    pillars = _ask_pillars(ask, draft, content.pillars)
    formats = [_format_mix(ask, kb, c, content.formats) for c in draft.channels]
    tones = ask.options("tone", list(kb.tones))
    kept = [t for t in content.tones if t in kb.tones]
    chosen = ask.pick(N_("Tone"), tones, kept or [k for k, _ in tones[:2]], minimum=0)
    draft.content = content.model_copy(
        update={"pillars": pillars, "formats": formats, "tones": chosen}
    )


def _ask_pillars(ask: Asker, draft: Draft, before: list[Pillar]) -> list[Pillar]:
    """Pillars by name; one whose name is unchanged keeps its id, objectives and audiences."""
    default = join_list([p.name for p in before]) if before else ask._(DEFAULT_PILLARS)
    names = split_list(ask.text(N_("Content pillars (comma-separated)"), default=default))
    if not names:
        return []
    previous = {p.name: p for p in before}
    shares = [100.0]
    if len(names) > 1:
        same = [p.name for p in before] == names
        suggested = [p.share for p in before] if same else equal_shares(len(names))
        shares = ask.ask(
            ask._(N_("Share of each pillar in % (total 100)")),
            lambda raw: parse_shares(raw, len(names), ask.lang),
            _write_shares(suggested, ask),
        )
    taken = {p.id for p in before}
    objectives = [o.id for o in draft.objectives]
    pillars = []
    for name, share in zip(names, shares, strict=True):
        old = previous.get(name)
        if old is not None:
            pillars.append(old.model_copy(update={"share": share}))
        else:
            pillar_id = unique_id(name, taken, "pillar")
            pillars.append(Pillar(id=pillar_id, name=name, share=share, objectives=objectives))
    return pillars


def _write_shares(shares: Sequence[float], ask: Asker) -> str:
    """Shares as a default answer: semicolons between them when a decimal comma is used."""
    written = [write_number(s, ask.lang) for s in shares]
    return ("; " if any("," in w for w in written) else ", ").join(written)


def _format_mix(ask: Asker, kb: Knowledge, channel: Channel, before: list[FormatMix]) -> FormatMix:
    supported = kb.platforms[channel.platform].formats
    ask.say(N_("Formats available on {name}:"), name=ask.word("platform", channel.platform))
    ask.listing([f"{ask.word('format', f)} ({f})" for f in supported])
    previous = next((m.mix for m in before if m.channel == channel.id), {})
    usable = set(previous) <= set(supported) and abs(sum(previous.values()) - 100) < 0.01
    mix = ask.ask(
        ask._(
            N_("Format mix in % (format=share, …, total 100; for example {example})"),
            example=mix_example(supported),
        ),
        lambda raw: parse_mix(raw, supported),
        format_mix(previous if previous and usable else default_mix(channel.platform, supported)),
    )
    return FormatMix(channel=channel.id, mix=mix)


# --- question 7 ---------------------------------------------------------------------------


def ask_cadence(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 7: posts per channel, publishing windows, customer-care promises."""
    ask.question(7)
    before = {c.channel: c for c in draft.previous.cadence} if draft.previous else {}
    draft.cadence = [_cadence(ask, kb, c, before.get(c.id)) for c in draft.channels]


def _cadence(ask: Asker, kb: Knowledge, channel: Channel, before: Cadence | None) -> Cadence:
    platform = kb.platforms[channel.platform]
    name, reference = ask.word("platform", channel.platform), platform.cadence
    posts, per = ask.ask(
        ask._(
            N_(
                "{name}: posts (reference {low} to {high} a week; "
                "for example 3 per week, 1 per day)"
            ),
            name=name,
            low=num(reference.min, ask.lang, 2),
            high=num(reference.max, ask.lang, 2),
        ),
        lambda raw: parse_cadence(raw, ask.lang),
        write_cadence(before.posts, before.per, ask.lang)
        if before
        else format_cadence(reference.typical, ask.lang),
    )
    windows = ask.ask(
        ask._(N_("{name}: publishing windows"), name=name),
        parse_windows,
        format_windows(before.windows if before and before.windows else platform.windows, ask.lang),
    )
    if before and not before.windows and windows == platform.windows:
        windows = []  # the file relied on the platform's windows: keep relying on them
    cadence = before or Cadence(channel=channel.id, posts=posts)
    answers: dict[str, object] = {"posts": posts, "per": per, "windows": windows}
    if channel.customer_care:
        answers |= _ask_care(ask, name, before)
    return cadence.model_copy(update=answers)


def _ask_care(ask: Asker, name: str, before: Cadence | None) -> dict[str, object]:
    """What a customer-care channel promises: a first-response time, the hours when messages
    are answered, and how many messages a day are expected (the workload of answering)."""
    promised = before.response_time_hours if before else None
    hours = ask.number(
        N_("{name}: promised first-response time, in hours"),
        promised or DEFAULT_RESPONSE_HOURS,
        0.1,
        720,
        name=name,
    )
    covered = (before.covered_hours if before else []) or parse_windows(DEFAULT_CARE_HOURS)
    windows = ask.ask(
        ask._(N_("{name}: hours when messages are answered"), name=name),
        parse_windows,
        format_windows(covered, ask.lang),
    )
    messages = ask.optional_number(
        N_("{name}: messages a day that will need an answer"),
        default=before.messages_per_day if before else None,
        name=name,
    )
    return {"response_time_hours": hours, "covered_hours": windows, "messages_per_day": messages}
