"""The example data's listening files: mentions from a listening tool, inbound messages
from a customer-care inbox (see ``make_data``, which writes them beside the other exports).

**Mentions** (``mentions.csv``, read with ``mentions.mapping.yaml``, scope ``mention``):
what is said of the example's own brand and of its competitors over the four months, drawn
from :mod:`stratege.examples.listening_texts` — every day a Poisson number of mentions per
brand (by weekday, growing month by month), a few naming the brand and a competitor, a
few naming none (what the tool's keywords also catch) or in a language not listened to;
the sentiment of each drawn from the brand's mix. On top: a planned event that gets people
talking (``Buzz``), an incident whose complaints pile up for a few days (``Incident``:
the alerts' spike), and a few loyal authors with a large audience who keep praising the
brand (the ambassadors). Networks, authors, audiences, links and the tool's own sentiment
label (on part of the rows only) are drawn too.

**Messages** (``messages.csv``, ``messages.mapping.yaml``, scope ``message``): the messages
received on the example's customer-care channels (the cadence's ``messages_per_day``,
``response_time_hours`` and ``covered_hours``; the channels of the message KPIs), answered
quickly inside covered hours, the next time the team is in (or never) outside them, a
little better month after month, slower during the incident.

Deterministic: every draw comes from a generator seeded with the example's name.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import string
import unicodedata
from dataclasses import dataclass
from string import Formatter

from stratege.examples.drawing import digits, lognormal, poisson
from stratege.examples.listening_texts import VOICES, Loyal, Network, Site, Voices
from stratege.strategy.model import Cadence, Channel, Strategy
from stratege.timewindow import TimeWindow

MONTHS = 4
LABELS = ("positive", "neutral", "negative")
TOOL_LABELS = {
    "fr": {"positive": "Positif", "neutral": "Neutre", "negative": "Négatif"},
    "en": {"positive": "Positive", "neutral": "Neutral", "negative": "Negative"},
}
TIME_FORMATS = {"fr": "%d/%m/%Y %H:%M", "en": "%Y-%m-%d %H:%M"}
# When people post, hour by hour (0 … 23): mornings, lunchtime, evenings.
POST_HOURS = (
    *(0.4, 0.2, 0.1, 0.1, 0.1, 0.3, 1.0, 2.2, 3.0, 2.8, 2.5, 2.6),
    *(3.2, 3.0, 2.4, 2.3, 2.4, 2.8, 3.2, 3.4, 3.6, 3.2, 2.2, 1.1),
)
MESSAGE_HOURS = (
    *(0.2, 0.1, 0.05, 0.05, 0.05, 0.2, 0.8, 1.8, 2.6, 2.8, 2.7, 2.6),
    *(2.4, 2.5, 2.6, 2.5, 2.4, 2.4, 2.5, 2.3, 2.1, 1.7, 1.1, 0.5),
)
SOURCE_SENTIMENT_SHARE = 0.45  # rows where the tool gives its own label
SOURCE_SENTIMENT_AGREES = 0.82
FOREIGN_PER_DAY = 0.12
MESSAGE_METRICS = (
    "response_rate",
    "median_first_response_time",
    "average_first_response_time",
    "resolution_rate",
)
DAY_IDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# --- drawing ----------------------------------------------------------------------------


def code(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(n))


def days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def month_index(start: dt.date, day: dt.date) -> int:
    return (day.year - start.year) * 12 + day.month - start.month


def at_hour(rng: random.Random, day: dt.date, weights: tuple[float, ...]) -> dt.datetime:
    hour = rng.choices(range(24), weights)[0]
    return dt.datetime.combine(day, dt.time(hour, rng.randrange(60)))


def plain(text: str) -> str:
    """ASCII, lower case, as a handle is written."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def slug(text: str, words: int = 6) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", folded)[:words])


# --- mentions ---------------------------------------------------------------------------


@dataclass
class Mention:
    at: dt.datetime
    text: str
    permalink: str
    author: str
    language: str  # "" : the tool did not say
    network: str  # the tool's network column
    source: str
    source_sentiment: str
    reach: int | None
    engagements: int | None
    owners: tuple[str, ...]  # the brands it was written for ('own', competitor ids)
    label: str  # the sentiment it was written with


@dataclass(frozen=True)
class Draft:
    """A mention before its network, author and link are drawn."""

    day: dt.date
    owners: tuple[str, ...]
    label: str
    templates: tuple[str, ...]
    rival: str | None = None
    press: tuple[str, ...] = ()  # the headlines it becomes when found in the press
    author: Loyal | None = None
    language: str = ""


def fill(rng: random.Random, voices: Voices, template: str, label: str, rival: str | None) -> str:
    """The template with its fields drawn: one value per field name."""
    values: dict[str, str] = {}
    for _, name, _, _ in Formatter().parse(template):
        if not name or name in values:
            continue
        if name == "own":
            values[name] = rng.choice(voices.own)
        elif name == "rival":
            values[name] = rng.choice(voices.rivals[rival or next(iter(voices.rivals))])
        elif name == "emoji":
            values[name] = rng.choice(voices.emoji.get(label, ("",)))
        else:
            values[name] = rng.choice(voices.fills[name])
    text = template.format(**values)
    return re.sub(r"\s+", " ", text).strip()


def decorate(rng: random.Random, voices: Voices, text: str, label: str) -> str:
    """What people add to a post: an emoji, hashtags; sometimes all in lower case."""
    emoji = voices.emoji.get(label, ())
    if emoji and rng.random() < 0.25 and not any(e and e in text for e in emoji):
        text = f"{text} {rng.choice(emoji)}".strip()
    if rng.random() < 0.22:
        tags = rng.sample(voices.hashtags, rng.choice((1, 1, 2)))
        text = f"{text} {' '.join(tags)}"
    if rng.random() < 0.07:
        text = text.lower()
    return text


def handle(rng: random.Random, voices: Voices, network: str) -> str:
    first, last = rng.choice(voices.first_names), rng.choice(voices.last_names)
    if network in ("facebook", "linkedin"):
        if rng.random() < 0.4:  # two family names: fewer people of the same name
            last = f"{last}-{rng.choice(voices.last_names)}"
        return f"{first} {last}"
    styles = (
        f"{plain(first)}{plain(last)[:1]}{digits(rng, 2)}",
        f"{plain(first)}_{plain(last)}",
        f"{plain(first)}.{plain(last)}",
        f"{plain(first)[:1]}{plain(last)}{digits(rng, 1)}",
    )
    name = rng.choice(styles)
    return f"@{name}" if network in ("x", "tiktok") else name


def social_link(rng: random.Random, network: str, author: str, at: dt.datetime) -> str:
    name = author.lstrip("@")
    if network == "x":
        ms = round(at.replace(tzinfo=dt.UTC).timestamp() * 1000) - 1288834974657
        return f"https://x.com/{name}/status/{(ms << 22) | rng.getrandbits(22)}"
    if network == "instagram":
        return f"https://www.instagram.com/p/{code(rng, 11)}/"
    if network == "facebook":
        return f"https://www.facebook.com/{digits(rng, 15)}/posts/pfbid0{code(rng, 20)}"
    if network == "linkedin":
        return f"https://www.linkedin.com/feed/update/urn:li:activity:{digits(rng, 19)}/"
    if network == "tiktok":
        return f"https://www.tiktok.com/@{name}/video/{digits(rng, 19)}"
    return f"https://www.{network}.com/{code(rng, 12)}"


def site_link(rng: random.Random, site: Site, text: str, at: dt.datetime) -> str:
    if site.kind == "press":
        return f"https://www.{site.domain}/{slug(text)}-{digits(rng, 7)}"
    if site.kind == "blog":
        return f"https://{site.domain}/{at:%Y/%m/%d}/{slug(text, 5)}-{digits(rng, 3)}/"
    return f"https://www.{site.domain}/t/{slug(text, 4)}-{digits(rng, 6)}"


def loyal_site(voices: Voices, loyal: Loyal, network: Network) -> Site:
    """A loyal author who writes a blog (or a page of the press) rather than posts."""
    tld = "fr" if voices.lang == "fr" else "co.uk"
    return Site(loyal.author, f"{plain(loyal.author)}.{tld}", network.kind, loyal.followers)


def realise(rng: random.Random, voices: Voices, draft: Draft, tool_lang: str) -> Mention:
    """The draft found somewhere: network, author, audience, link, the tool's label."""
    keys = list(voices.networks)
    if draft.author is not None:
        key = draft.author.network
    else:
        key = rng.choices(keys, [voices.networks[k].weight for k in keys])[0]
        if draft.press == () and voices.networks[key].kind == "press":
            key = rng.choice([k for k in keys if voices.networks[k].kind == "social"])
    network = voices.networks[key]
    at = at_hour(rng, draft.day, POST_HOURS)
    if network.kind == "press" and draft.press:
        text = fill(rng, voices, rng.choice(draft.press), draft.label, draft.rival)
    else:
        text = fill(rng, voices, rng.choice(draft.templates), draft.label, draft.rival)
        if network.kind == "social" and draft.owners and not draft.language:
            text = decorate(rng, voices, text, draft.label)  # not the noise: no hashtag
    reach: int | None
    engagements: int | None
    label = network.label
    if key == "x" and rng.random() < 0.3:
        label = "Twitter"
    if network.kind == "social":
        author = draft.author.author if draft.author else handle(rng, voices, key)
        followers = draft.author.followers if draft.author else network.followers
        reach = max(12, round(followers * lognormal(rng, 0.25 if draft.author else 1.1)))
        engagements = round(reach * 0.03 * lognormal(rng, 0.8))
        link, source = social_link(rng, key, author, at), network.domain
    else:
        if draft.author is not None:
            site = loyal_site(voices, draft.author, network)
        else:
            site = rng.choice([s for s in voices.sites if s.kind == network.kind])
        author = site.name
        if network.kind == "forum":
            author = f"{plain(rng.choice(voices.first_names))}{digits(rng, 2)}"
        reach = round(site.audience * lognormal(rng, 0.3)) if site.audience else None
        engagements = poisson(rng, 4) if network.kind != "press" else None
        link, source = site_link(rng, site, text, at), site.domain
    tool_label = ""
    if rng.random() < SOURCE_SENTIMENT_SHARE:
        said = draft.label
        if rng.random() > SOURCE_SENTIMENT_AGREES:
            said = rng.choice([x for x in LABELS if x != draft.label])
        tool_label = TOOL_LABELS[tool_lang][said]
    language = draft.language or (voices.lang if rng.random() < 0.92 else "")
    return Mention(
        at,
        text,
        link,
        author,
        language,
        label,
        source,
        tool_label,
        reach,
        engagements,
        draft.owners,
        draft.label,
    )


def drafts(rng: random.Random, voices: Voices, start: dt.date, end: dt.date) -> list[Draft]:
    """Every mention of the four months, before it is found somewhere."""
    found: list[Draft] = []
    incident, buzz = voices.incident, voices.buzz
    rivals = list(voices.rivals)
    for day in days(start, end):
        month = month_index(start, day)
        weekday = voices.weekday[day.weekday()]
        crisis = (day - incident.day).days
        crisis = crisis if 0 <= crisis < len(incident.volume) else -1
        boost = (day - buzz.day).days
        boost = boost if 0 <= boost < len(buzz.volume) else -1
        for owner, base in voices.per_day.items():
            mean = base * weekday * voices.growth[owner] ** month
            if owner == "own" and crisis >= 0:
                mean *= incident.volume[crisis]
            mix = voices.mix[owner]
            for _ in range(poisson(rng, mean)):
                if owner == "own" and crisis >= 0 and rng.random() < incident.negative[crisis]:
                    found.append(
                        Draft(day, ("own",), "negative", incident.texts, press=incident.headlines)
                    )
                    continue
                label = rng.choices(LABELS, mix)[0]
                if owner == "own":
                    templates = voices.own_texts[label]
                    rival = None
                else:
                    templates, rival = voices.rival_texts[owner][label], owner
                press = voices.headlines[owner] if label == "neutral" else ()
                if owner == "own" and crisis >= 0:
                    press = incident.headlines  # the press writes of nothing else
                found.append(Draft(day, (owner,), label, templates, rival, press))
            if owner == "own" and boost >= 0:
                extra = base * (buzz.volume[boost] - 1) * voices.growth[owner] ** month
                for _ in range(poisson(rng, extra)):
                    label = "positive" if rng.random() < 0.7 else "neutral"
                    found.append(Draft(day, ("own",), label, buzz.texts))
        weights = [voices.per_day[r] for r in rivals]
        for _ in range(poisson(rng, voices.both_per_day * weekday)):
            rival = rng.choices(rivals, weights)[0]
            label = rng.choices(LABELS, voices.mix["own"])[0]
            found.append(Draft(day, ("own", rival), label, voices.both_texts[label], rival))
        for _ in range(poisson(rng, voices.noise_per_day * weekday)):
            label = rng.choices(LABELS, (0.3, 0.55, 0.15))[0]
            found.append(Draft(day, (), label, voices.noise))
        for _ in range(poisson(rng, FOREIGN_PER_DAY)):
            language, text = rng.choice(voices.foreign)
            found.append(Draft(day, ("own",), "positive", (text,), language=language))
    span = days(start, end)
    quiet = [d for d in span if not 0 <= (d - incident.day).days < len(incident.volume)]
    for loyal in voices.loyal:
        for day in sorted(rng.sample(quiet, loyal.posts)):
            found.append(Draft(day, ("own",), "positive", voices.loyal_texts, author=loyal))
    return found


def mentions(name: str, start: dt.date, end: dt.date) -> list[Mention]:
    """The example's mentions, newest first (as listening tools export them)."""
    voices = VOICES[name]
    rng = random.Random(f"{name}:mentions")
    found = [realise(rng, voices, d, voices.lang) for d in drafts(rng, voices, start, end)]
    return sorted(found, key=lambda m: (m.at, m.permalink), reverse=True)


MENTION_HEADERS = {
    "en": {
        "published_at": "Date",
        "text": "Text",
        "permalink": "URL",
        "author": "Author",
        "language": "Language",
        "platform": "Network",
        "source": "Source",
        "source_sentiment": "Sentiment",
        "mention_reach": "Reach",
        "mention_engagements": "Engagements",
    },
    "fr": {
        "published_at": "Date",
        "text": "Texte",
        "permalink": "Lien",
        "author": "Auteur",
        "language": "Langue",
        "platform": "Réseau",
        "source": "Source",
        "source_sentiment": "Sentiment",
        "mention_reach": "Portée",
        "mention_engagements": "Interactions",
    },
}
DELIMITERS = {"fr": ";", "en": ","}


def csv_bytes(rows: list[list[object]], delimiter: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return buffer.getvalue().encode("utf-8")


def mapping_text(comment: str, tool: str, scope: str, lang: str, columns: dict[str, str]) -> str:
    lines = [*(f"# {line}" for line in comment.split("\n")), f"tool: {tool}", f"scope: {scope}"]
    lines += [f'decimal: "{"," if lang == "fr" else "."}"', f'date_format: "{TIME_FORMATS[lang]}"']
    lines += ["columns:", *(f"  {header}: {field}" for field, header in columns.items())]
    return "\n".join(lines) + "\n"


def mention_files(name: str, start: dt.date, end: dt.date) -> tuple[bytes, str, list[Mention]]:
    """mentions.csv, its mapping, and the mentions it holds."""
    lang = VOICES[name].lang
    found = mentions(name, start, end)
    columns = MENTION_HEADERS[lang]
    rows: list[list[object]] = [list(columns.values())]
    for m in found:
        rows.append(
            [
                *(m.at.strftime(TIME_FORMATS[lang]), m.text, m.permalink, m.author, m.language),
                *(m.network, m.source, m.source_sentiment, m.reach, m.engagements),
            ]
        )
    tool = "Veille des mentions (export CSV)" if lang == "fr" else "Mention monitoring (CSV export)"
    comment = (
        "Mentions of the brand and its competitors from a listening tool, newest first.\n"
        "The network names the platform (a news site or forum is 'other'); the tool's\n"
        "sentiment is given on part of the rows only. Which brand a mention belongs to\n"
        "comes from the strategy's listening queries."
    )
    mapping = mapping_text(comment, tool, "mention", lang, columns)
    return csv_bytes(rows, DELIMITERS[lang]), mapping, found


# --- messages ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CareChannel:
    channel: Channel
    per_day: float
    hours: list[TimeWindow]
    promise_minutes: float


def care_channels(strategy: Strategy) -> list[CareChannel]:
    """The channels that receive messages to answer: those whose cadence promises an
    answer or expects messages, and those a message KPI measures. A channel without its own
    covered hours or promise is answered by the same team, on the same hours."""
    cadences: dict[str, Cadence] = {
        c.channel: c
        for c in strategy.cadence
        if c.covered_hours or c.response_time_hours or c.messages_per_day
    }
    ids = list(cadences)
    for kpi in strategy.kpis:
        if kpi.metric in MESSAGE_METRICS:
            ids += [c for c in kpi.channels if c not in ids]
    channels = {c.id: c for c in strategy.channels}
    team_hours = [w for c in cadences.values() for w in c.covered_hours]
    promises = [c.response_time_hours for c in cadences.values() if c.response_time_hours]
    team_promise = min(promises) if promises else 4.0
    volumes = [c.messages_per_day for c in cadences.values() if c.messages_per_day]
    found = []
    for cid in ids:
        if cid not in channels:
            continue
        cadence = cadences.get(cid)
        per_day = cadence.messages_per_day if cadence and cadence.messages_per_day else None
        promise = cadence.response_time_hours if cadence and cadence.response_time_hours else None
        hours = cadence.covered_hours if cadence and cadence.covered_hours else team_hours
        found.append(
            CareChannel(
                channels[cid],
                per_day or (max(volumes) / 2 if volumes else 3.0),
                hours,
                60 * (promise or team_promise),
            )
        )
    return found


def inside(at: dt.datetime, hours: list[TimeWindow]) -> dt.datetime | None:
    """The end of the covered window ``at`` falls in (None: outside covered hours)."""
    day = DAY_IDS[at.weekday()]
    for window in hours:
        if day in window.days and window.start <= at.time() < window.end:
            return dt.datetime.combine(at.date(), window.end)
    return None


def next_opening(at: dt.datetime, hours: list[TimeWindow]) -> dt.datetime:
    """When the team is next in, from ``at``."""
    for ahead in range(8):
        day = at.date() + dt.timedelta(days=ahead)
        starts = [
            dt.datetime.combine(day, w.start) for w in hours if DAY_IDS[day.weekday()] in w.days
        ]
        later = [s for s in starts if s >= at]
        if later:
            return min(later)
    return at + dt.timedelta(hours=24)


def answer(
    rng: random.Random, care: CareChannel, at: dt.datetime, progress: float, crisis: bool
) -> tuple[bool, int | None, bool]:
    """(answered, first response in minutes, resolved) of a message received at ``at``."""
    end = inside(at, care.hours) if care.hours else at + dt.timedelta(hours=24)
    slow = 2.5 if crisis else 1.0
    if end is not None:
        answered = rng.random() < 0.86 + 0.1 * progress - (0.08 if crisis else 0)
        delay = care.promise_minutes * (0.45 - 0.25 * progress) * slow * lognormal(rng, 0.8)
        delay = max(1.0, delay)
        if at + dt.timedelta(minutes=delay) > end:
            reopen = next_opening(end + dt.timedelta(minutes=1), care.hours)
            delay = (reopen - at).total_seconds() / 60 + 25 * lognormal(rng, 0.6)
    elif rng.random() < 0.2 + 0.15 * progress:  # someone on call (evenings, Saturdays)
        answered, delay = True, 40 * lognormal(rng, 0.7)
    else:
        answered = rng.random() < 0.55 + 0.3 * progress - (0.1 if crisis else 0)
        backlog = (45 + 150 * (1 - progress)) * slow * lognormal(rng, 0.7)
        delay = (next_opening(at, care.hours) - at).total_seconds() / 60 + backlog
    if not answered:
        return False, None, False
    resolved = rng.random() < 0.58 + 0.25 * progress - (0.15 if crisis else 0)
    return True, max(1, round(delay)), resolved


MESSAGE_HEADERS = {
    "en": {
        "message_id": "Message ID",
        "received_at": "Received",
        "account_name": "Account",
        "platform": "Platform",
        "answered": "Answered",
        "first_response_minutes": "First response (min)",
        "resolved": "Resolved",
    },
    "fr": {
        "message_id": "Identifiant",
        "received_at": "Reçu le",
        "account_name": "Compte",
        "platform": "Réseau",
        "answered": "Répondu",
        "first_response_minutes": "Première réponse (min)",
        "resolved": "Résolu",
    },
}


def message_files(
    name: str, strategy: Strategy, start: dt.date, end: dt.date
) -> tuple[bytes, str, int] | None:
    """messages.csv, its mapping and its row count; None when no channel answers messages."""
    channels = care_channels(strategy)
    if not channels:
        return None
    voices = VOICES[name]
    lang = voices.lang
    incident = voices.incident
    rng = random.Random(f"{name}:messages")
    received: list[tuple[dt.datetime, CareChannel, bool]] = []
    for day in days(start, end):
        crisis = 0 <= (day - incident.day).days < len(incident.volume)
        factor = incident.message_factor if crisis else 1.0
        for care in channels:
            weekday = 0.75 if day.weekday() >= 5 else 1.1
            for _ in range(poisson(rng, care.per_day * weekday * factor)):
                received.append((at_hour(rng, day, MESSAGE_HOURS), care, crisis))
    received.sort(key=lambda r: (r[0], r[1].channel.id))
    columns = MESSAGE_HEADERS[lang]
    rows: list[list[object]] = [list(columns.values())]
    numbers: dict[str, int] = {}
    for at, care, crisis in received:
        progress = month_index(start, at.date()) / max(1, MONTHS - 1)
        answered, minutes, resolved = answer(rng, care, at, progress, crisis)
        channel = care.channel
        numbers[channel.id] = numbers.get(channel.id, 0) + 1
        rows.append(
            [
                f"{channel.id}-{at:%y%m}-{numbers[channel.id]:05d}",
                at.strftime(TIME_FORMATS[lang]),
                channel.handle or channel.id,
                channel.platform,
                int(answered),
                minutes,
                int(resolved),
            ]
        )
    tool = "Boîte de réception (export)" if lang == "fr" else "Customer-care inbox (export)"
    comment = (
        "The inbox of a customer-care tool: one row per message received on a channel,\n"
        "answered or not (1/0), the first response's delay in minutes, resolved or not."
    )
    mapping = mapping_text(comment, tool, "message", lang, columns)
    return csv_bytes(rows, DELIMITERS[lang]), mapping, len(received)
