"""Regenerate the example data: synthetic analytics exports for each bundled example.

    python -m stratege.examples.make_data [--out FOLDER] [EXAMPLE…]

For every example strategy, ``data/<example>/`` receives the exports a user would download
for the first four months of the strategy's period, so that ``stratege import``,
``measure``, ``audit`` and ``review`` can be shown on something that looks real:

- each platform's own exports, in the native formats ``stratege import`` recognises
  (``measure/data/formats.yaml``), in the example's language where the format has it:
  the posts, made from the example's plan (most planned posts published at about their
  time with the slot's format and pillar, a few skipped, a few unplanned), and the daily
  account files where the platform has one;
- the own accounts' daily followers (no native export gives the audience itself) and the
  account-level counts some KPIs sum, as a generic CSV with its mapping file;
- one competitor's daily followers and posts, as a benchmarking tool's CSV and mapping;
- for listening, a listening tool's mentions of the brand and its competitors and, where a
  channel answers customers, a customer-care inbox's messages, each with its mapping
  (see ``listening_data``, and ``listening_texts`` for what people say);
- ``imports.yaml``, the files in import order with their options, and a README.

Deterministic: every draw comes from a generator seeded with the example's name, so the
same code, plan and formats give the same bytes (the tests compare them). An export whose
format formats.yaml does not (or no longer) describe is not written, and the README says so.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import string
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from stratege.bundled import example_names
from stratege.examples import listening_data
from stratege.examples.drawing import digits, lognormal, poisson
from stratege.measure.formats import known_formats
from stratege.planning.slots import Slot
from stratege.services.planning import plan
from stratege.services.strategies import example
from stratege.strategy import StrategyDocument
from stratege.strategy.model import AuditedAccount, Channel, Strategy

DATA = Path(__file__).resolve().parent / "data"
MONTHS = 4  # the data cover the first four months of the period
BOM = "\ufeff"
MONTH_ABBR = (
    *("Jan", "Feb", "Mar", "Apr", "May", "Jun"),
    *("Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
)
DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# --- how posts perform ------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """How a platform's posts perform, before format, day and hour effects."""

    reach_ratio: float  # median reach of a post in the first month, share of the followers
    monthly_growth: float  # reach multiplier from one month to the next
    engagement: float  # median engagements / reach
    link_clicks: float  # median link clicks / reach of a post with a link
    new_followers: float  # new followers per day, share of the followers
    lost_followers: float  # lost followers per day, share of the followers


PROFILES = {
    "facebook": Profile(0.14, 1.05, 0.035, 0.045, 0.0009, 0.0003),
    "instagram": Profile(0.16, 1.09, 0.042, 0.0, 0.0016, 0.0005),
    "x": Profile(0.06, 1.03, 0.025, 0.006, 0.0006, 0.0004),
    "linkedin": Profile(0.12, 1.04, 0.05, 0.0, 0.0009, 0.0002),
    "youtube": Profile(0.5, 1.05, 0.04, 0.0, 0.0012, 0.0003),
}
DEFAULT_PROFILE = Profile(0.1, 1.03, 0.02, 0.01, 0.0010, 0.0003)
# Per example and platform, so that some KPIs end on track and others behind, as in life.
TUNING: dict[tuple[str, str], dict[str, float]] = {
    ("boulangeries-martin", "instagram"): {
        "reach_ratio": 0.08,
        "monthly_growth": 1.2,
        "engagement": 0.032,
    },
    ("boulangeries-martin", "facebook"): {"reach_ratio": 0.2},
    ("mairie-rives", "facebook"): {"reach_ratio": 0.14, "monthly_growth": 1.06},
    ("mairie-rives", "instagram"): {"reach_ratio": 0.3, "engagement": 0.07},
    ("northwind-analytics", "x"): {"reach_ratio": 0.2, "link_clicks": 0.02},
}
FORMAT_REACH = {
    "short_video": 1.9,
    "long_video": 1.4,
    "live": 1.3,
    "carousel": 1.15,
    "photo": 1.05,
    "image": 1.0,
    "long_text": 0.7,
    "short_text": 0.6,
    "story": 0.35,
}
FORMAT_ENGAGEMENT = {
    "carousel": 1.3,
    "live": 1.4,
    "short_video": 1.1,
    "photo": 1.1,
    "image": 1.0,
    "long_video": 0.9,
    "short_text": 0.7,
    "long_text": 0.8,
    "story": 0.4,
}
VIDEO_FORMATS = ("short_video", "long_video", "live")
WEEKDAY = (0.95, 0.97, 1.02, 1.0, 0.96, 1.12, 1.08)  # Monday first


def hour_effect(hour: int) -> float:
    """Mornings, lunchtime and early evenings reach more people."""
    if 7 <= hour <= 9:
        return 1.1
    if 11 <= hour <= 13:
        return 1.05
    if 17 <= hour <= 20:
        return 1.12
    return 0.88


def code(rng: random.Random, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def time_id(rng: random.Random, at: dt.datetime, epoch_ms: int = 0) -> str:
    """A time-ordered id as X and LinkedIn make them: milliseconds, then 22 random bits."""
    ms = round(at.replace(tzinfo=dt.UTC).timestamp() * 1000) - epoch_ms
    return str((ms << 22) | rng.getrandbits(22))


X_EPOCH_MS = 1288834974657  # Twitter's snowflake epoch

# --- the example's accounts -------------------------------------------------------------


@dataclass
class Account:
    """One own account: who it is in the exports and its daily audience."""

    channel: Channel
    name: str  # as the platform's exports write it (Page name, username, handle)
    followers: dict[dt.date, int]
    new: dict[dt.date, int]
    lost: dict[dt.date, int]


@dataclass
class Context:
    """What every writer needs: the example, its language and the months covered."""

    name: str
    strategy: Strategy
    start: dt.date
    end: dt.date

    @property
    def lang(self) -> str:
        return self.strategy.language

    @property
    def exported(self) -> dt.datetime:
        """When the files were downloaded: the morning after the last day."""
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time(9, 0))


def first_months(strategy: Strategy) -> tuple[dt.date, dt.date]:
    start = strategy.period.start
    month = start.month - 1 + MONTHS
    end = dt.date(start.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return start, min(end, strategy.period.end or end)


def days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def month_index(start: dt.date, day: dt.date) -> int:
    return (day.year - start.year) * 12 + day.month - start.month


def profile(name: str, platform: str) -> Profile:
    return replace(PROFILES.get(platform, DEFAULT_PROFILE), **TUNING.get((name, platform), {}))


def audited(strategy: Strategy, owner: str, platform: str) -> AuditedAccount | None:
    for entry in strategy.audit.accounts:
        if entry.owner == owner and entry.platform == platform and entry.followers:
            return entry
    return None


def account_name(strategy: Strategy, channel: Channel) -> str:
    """The account as its platform's export names it: a Facebook Page by its name, others
    by their handle (an Instagram username, an X screen name)."""
    if channel.platform == "facebook":
        return strategy.organisation.name
    return channel.handle.lstrip("@") or channel.id


def follower_series(
    rng: random.Random, entry: AuditedAccount, rates: Profile, start: dt.date, end: dt.date
) -> tuple[dict[dt.date, int], dict[dt.date, int], dict[dt.date, int]]:
    """Daily followers, new and lost followers, from the audited count grown to ``start``."""
    net = rates.new_followers - rates.lost_followers
    before = (start - (entry.observed_on or start)).days
    count = round((entry.followers or 0) * (1 + net) ** max(before, 0))
    followers, new, lost = {}, {}, {}
    for day in days(start, end):
        effect = WEEKDAY[day.weekday()] * lognormal(rng, 0.35)
        new[day] = poisson(rng, count * rates.new_followers * effect)
        lost[day] = poisson(rng, count * rates.lost_followers)
        count += new[day] - lost[day]
        followers[day] = count
    return followers, new, lost


def own_accounts(ctx: Context) -> list[Account]:
    """The channels with an audited audience (a blog has none)."""
    accounts = []
    for channel in ctx.strategy.channels:
        entry = audited(ctx.strategy, "own", channel.platform)
        if entry is None:
            continue
        rng = random.Random(f"{ctx.name}:followers:{channel.id}")
        rates = profile(ctx.name, channel.platform)
        series = follower_series(rng, entry, rates, ctx.start, ctx.end)
        accounts.append(Account(channel, account_name(ctx.strategy, channel), *series))
    return accounts


# --- posts ------------------------------------------------------------------------------


@dataclass
class Post:
    """A published post and its lifetime figures (None: the export left the cell empty)."""

    at: dt.datetime
    format: str
    pillar: str | None
    occasion: str | None
    campaign: str | None
    publisher: str | None
    reach: int = 0
    views: int | None = 0  # impressions (Meta's "Views")
    reactions: int = 0
    comments: int = 0
    shares: int = 0
    saves: int | None = 0
    follows: int | None = 0
    clicks: int | None = 0  # clicks other than on the link
    link_clicks: int | None = 0
    profile_visits: int | None = 0
    duration: int = 0  # seconds, videos only
    video_views: int = 0
    seconds_viewed: int | None = 0
    has_link: bool = False


def published(
    rng: random.Random, ctx: Context, slots: Sequence[Slot], channel: Channel, kept: set[str]
) -> list[Post]:
    """The posts that went out: the planned slots, mostly on time, a few late or skipped,
    and a few unplanned posts (the formats the export does not hold are left out)."""
    start, end, strategy = ctx.start, ctx.end, ctx.strategy
    mine = [s for s in slots if s.channel == channel.id and s.format in kept]
    posts = []
    for slot in mine:
        draw = rng.random()
        if draw < 0.07:
            continue  # skipped
        if draw < 0.82:
            shift = rng.randint(-15, 15)
        elif draw < 0.96:
            shift = rng.randint(30, 150)
        else:
            shift = rng.choice((-1, 1)) * 1440 + rng.randint(-30, 30)
        at = slot.start + dt.timedelta(minutes=shift)
        if not start <= at.date() <= end:
            at = slot.start
        posts.append(
            Post(at, slot.format, slot.pillar, slot.occasion, slot.campaign, slot.publisher)
        )
    mix = next((m.mix for m in strategy.content.formats if m.channel == channel.id), {})
    formats = [f for f in mix if f in kept] or sorted(kept)
    weights = [mix.get(f, 1.0) for f in formats]
    pillars = strategy.content.pillars
    for _ in range(max(1, round(len(mine) * 0.05))):
        model = rng.choice(mine) if mine else None
        day = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
        clock = model.start.time() if model else dt.time(12, 0)
        at = dt.datetime.combine(day, clock) + dt.timedelta(minutes=rng.randint(-40, 40))
        if at.date() != day:
            at = dt.datetime.combine(day, clock)
        fmt = rng.choices(formats, weights)[0]
        shares = [p.share for p in pillars]
        pillar = rng.choices([p.id for p in pillars], shares)[0] if pillars else None
        publisher = model.publisher if model else None
        posts.append(Post(at, fmt, pillar, None, None, publisher))
    return sorted(posts, key=lambda p: p.at)


def perform(rng: random.Random, ctx: Context, rates: Profile, account: Account, post: Post) -> None:
    """A post's lifetime figures: reach lognormal around a base that grows month by month,
    more for videos, better on some days and hours; interactions consistent with reach."""
    audience = account.followers[post.at.date()]
    effect = FORMAT_REACH.get(post.format, 1.0) * WEEKDAY[post.at.weekday()]
    base = audience * rates.reach_ratio * rates.monthly_growth ** month_index(ctx.start, post.at)
    post.reach = max(3, round(base * effect * hour_effect(post.at.hour) * lognormal(rng, 0.45)))
    video = post.format in VIDEO_FORMATS
    spread = (1.4 + 1.2 * rng.random()) if video else (1.08 + 0.3 * rng.random())
    post.views = round(post.reach * spread)
    rate = rates.engagement * FORMAT_ENGAGEMENT.get(post.format, 1.0) * lognormal(rng, 0.5)
    engagements = round(post.reach * min(rate, 0.4))
    post.comments = min(engagements, round(engagements * 0.14 * lognormal(rng, 0.4)))
    post.shares = min(engagements - post.comments, round(engagements * 0.09 * lognormal(rng, 0.5)))
    post.reactions = engagements - post.comments - post.shares
    post.saves = round(
        engagements * (0.18 if post.format == "carousel" else 0.06) * lognormal(rng, 0.4)
    )
    post.follows = round(post.reach * 0.002 * lognormal(rng, 0.6))
    post.clicks = round(post.reach * 0.03 * lognormal(rng, 0.5))
    post.has_link = post.format in ("short_text", "long_text") and rng.random() < 0.7
    share = rates.link_clicks if post.has_link else rates.link_clicks / 10
    post.link_clicks = round(post.reach * share * lognormal(rng, 0.5))
    post.profile_visits = round(post.reach * 0.004 * lognormal(rng, 0.5))
    if video:
        lengths = {"short_video": (12, 60), "long_video": (180, 1200), "live": (1800, 3600)}
        post.duration = rng.randint(*lengths[post.format])
        post.video_views = round(post.views * (0.55 + 0.3 * rng.random()))
        watched = (0.5 if post.format == "short_video" else 0.22) + 0.2 * rng.random()
        post.seconds_viewed = round(post.video_views * post.duration * watched)


def blank_some(rng: random.Random, posts: list[Post], fields: Sequence[str]) -> None:
    """A few cells the exports leave empty (a metric the platform did not compute)."""
    for post in posts:
        if rng.random() < 0.025:
            setattr(post, rng.choice(fields), None)


# --- texts ------------------------------------------------------------------------------

HOOKS = {
    "en": (
        "Behind the scenes this week.",
        "What do you think? Tell us in the comments.",
        "The short version, in one minute.",
        "Worth sharing with your team.",
        "See you this week.",
        "Thank you for all your questions.",
        "Answers to the questions we hear most.",
        "Not one to miss.",
        "Photos: the team at work.",
        "More in the comments.",
    ),
    "fr": (
        "On vous emmène dans les coulisses.",
        "Qu’en pensez-vous ? Dites-le-nous en commentaire.",
        "L’essentiel en une minute.",
        "À partager autour de vous !",
        "Rendez-vous cette semaine.",
        "Merci pour vos nombreux messages.",
        "Les réponses à vos questions les plus fréquentes.",
        "Un moment à ne pas manquer.",
        "En photos : l’équipe au travail.",
        "Plus d’informations en commentaire.",
    ),
}


# X posts are terse (and the example's X channel posts ten a day: its file stays small).
SHORT_HOOKS = {
    "en": ("Worth a read.", "New today.", "Reminder.", "Live now.", "Thank you!", "Good news."),
    "fr": ("À lire.", "Nouveau.", "Rappel.", "En direct.", "Merci !", "Bonne nouvelle."),
}


def caption(
    rng: random.Random, ctx: Context, post: Post, hashtags: bool, short: bool = False
) -> str:
    """A plausible caption: the occasion or pillar, a hook, sometimes hashtags (the pillar's
    id as a hashtag tells the pillar where the export has no labels)."""
    strategy = ctx.strategy
    names = {p.id: p.name for p in strategy.content.pillars}
    occasions = {o.id: o.name for o in strategy.occasions}
    if short:
        return rng.choice(SHORT_HOOKS[ctx.lang])
    hook = rng.choice(HOOKS[ctx.lang])
    subject = occasions.get(post.occasion or "") or names.get(post.pillar or "", "")
    colon = " : " if ctx.lang == "fr" else ": "
    text = f"{subject}{colon}{hook}" if subject else hook
    if hashtags or rng.random() < 0.3:
        brand = "".join(ch for ch in strategy.organisation.name if ch.isalnum())
        tags = [f"#{(post.pillar or '').replace('-', '')}"] if post.pillar else []
        text += "\n\n" + " ".join([*tags, f"#{brand}"])
    return text


# --- writing helpers --------------------------------------------------------------------


def csv_bytes(rows: Sequence[Sequence[object]], delimiter: str = ",", bom: bool = False) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return ((BOM if bom else "") + buffer.getvalue()).encode("utf-8")


def decimal_text(value: float, lang: str, places: int = 1) -> str:
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if lang == "fr" else text


def headers(columns: Sequence[tuple[str, str]], lang: str) -> list[str]:
    return [en if lang == "en" else fr for en, fr in columns]


def us_day(day: dt.date) -> str:
    """'Jan 5, 2027', as YouTube Studio writes a day."""
    return f"{MONTH_ABBR[day.month - 1]} {day.day}, {day.year}"


def x_day(day: dt.date) -> str:
    """'Tue, Jan 5, 2027', as X's analytics write a day."""
    return f"{DAY_ABBR[day.weekday()]}, {us_day(day)}"


def hms(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


# --- Meta Business Suite ----------------------------------------------------------------

FB_COLUMNS = (
    ("Post ID", "Identifiant de la publication"),
    ("Page ID", "Identifiant de la Page"),
    ("Page name", "Nom de la Page"),
    ("Title", "Titre"),
    ("Description", "Description"),
    ("Duration (sec)", "Durée (s)"),
    ("Publish time", "Heure de publication"),
    ("Caption type", "Type de légende"),
    ("Permalink", "Permalien"),
    ("Is crosspost", "Est une publication croisée"),
    ("Is share", "Est un partage"),
    ("Post type", "Type de publication"),
    ("Languages", "Langues"),
    ("Custom labels", "Libellés personnalisés"),
    ("Funded content status", "Statut du contenu financé"),
    ("Data comment", "Commentaire sur les données"),
    ("Date", "Date"),
    ("Views", "Vues"),
    ("Reach", "Couverture"),
    ("Reactions, Comments and Shares", "Réactions, commentaires et partages"),
    ("Reactions", "Réactions"),
    ("Comments", "Commentaires"),
    ("Shares", "Partages"),
    ("Total clicks", "Total des clics"),
    ("Other Clicks", "Autres clics"),
    ("Link Clicks", "Clics sur un lien"),
    ("Seconds viewed", "Secondes de visionnage"),
    ("Average Seconds viewed", "Secondes de visionnage moyennes"),
)
IG_COLUMNS = (
    ("Post ID", "Identifiant de la publication"),
    ("Account ID", "Identifiant du compte"),
    ("Account username", "Nom d’utilisateur du compte"),
    ("Account name", "Nom du compte"),
    ("Description", "Description"),
    ("Duration (sec)", "Durée (s)"),
    ("Publish time", "Heure de publication"),
    ("Permalink", "Permalien"),
    ("Post type", "Type de publication"),
    ("Data comment", "Commentaire sur les données"),
    ("Date", "Date"),
    ("Views", "Vues"),
    ("Reach", "Couverture"),
    ("Likes", "Mentions J’aime"),
    ("Shares", "Partages"),
    ("Follows", "Abonnements"),
    ("Comments", "Commentaires"),
    ("Saves", "Enregistrements"),
)
META_TIME = {"en": "%m/%d/%Y %H:%M", "fr": "%d/%m/%Y %H:%M"}  # as formats.yaml reads them
# Knowledge-base format → the export's post type; the formats an export does not hold
# (Facebook stories have their own export) are absent.
FB_TYPES = {
    "en": {
        "image": "Photos",
        "photo": "Photos",
        "carousel": "Albums",
        "short_video": "Reels",
        "long_video": "Videos",
        "live": "Live",
        "short_text": "Links",
        "long_text": "Links",
    },
    "fr": {
        "image": "Photos",
        "photo": "Photos",
        "carousel": "Albums",
        "short_video": "Reels",
        "long_video": "Vidéos",
        "live": "Live",
        "short_text": "Liens",
        "long_text": "Liens",
    },
}
FB_STATUS = {"en": "Status", "fr": "Statut"}  # a text without a link
FB_VIDEOS = {"en": "Videos", "fr": "Vidéos"}  # some Reels are exported as videos
IG_TYPES = {
    "en": {
        "image": "IG image",
        "photo": "IG image",
        "carousel": "IG carousel",
        "short_video": "IG reel",
        "story": "IG story",
    },
    "fr": {
        "image": "Image IG",
        "photo": "Image IG",
        "carousel": "Carrousel IG",
        "short_video": "Reel IG",
        "story": "Story IG",
    },
}


def facebook_posts(rng: random.Random, ctx: Context, account: Account, posts: list[Post]) -> bytes:
    """Meta Business Suite's Facebook posts CSV: UTF-8 with BOM, newest first."""
    lang = ctx.lang
    blank_some(rng, posts, ("views", "link_clicks", "clicks"))
    page_id = "61" + digits(rng, 12)
    slug = account.channel.handle.lstrip("@") or page_id
    post_id = int("122" + digits(rng, 15))
    names = {p.id: p.name for p in ctx.strategy.content.pillars}
    rows: list[list[object]] = []
    for post in posts:
        post_id += rng.randint(10_000_000, 900_000_000)
        kind = FB_TYPES[lang][post.format]
        if post.format in ("short_text", "long_text") and not post.has_link:
            kind = FB_STATUS[lang]
        if post.format == "short_video":
            link = f"https://www.facebook.com/reel/{digits(rng, 15)}/"
            if rng.random() < 0.3:
                kind = FB_VIDEOS[lang]  # the /reel/ link tells it is a Reel
        elif post.format in ("long_video", "live"):
            link = f"https://www.facebook.com/{slug}/videos/{digits(rng, 15)}/"
        else:
            link = f"https://www.facebook.com/{slug}/posts/pfbid0{code(rng, 32)}"
        text = caption(rng, ctx, post, hashtags=False)
        title = text.split("\n")[0] if post.duration else ""
        label = names.get(post.pillar or "", "") if rng.random() < 0.92 else ""
        clicks = None
        if post.clicks is not None and post.link_clicks is not None:
            clicks = post.clicks + post.link_clicks
        average = None
        if post.seconds_viewed and post.views:
            average = decimal_text(post.seconds_viewed / post.views, lang)
        engagements = post.reactions + post.comments + post.shares
        rows.append(
            [
                *(str(post_id), page_id, account.name, title, text, post.duration),
                *(post.at.strftime(META_TIME[lang]), "N/A", link, 0, 0, kind, "", label, "", ""),
                *("Lifetime", post.views, post.reach, engagements, post.reactions, post.comments),
                *(post.shares, clicks, post.clicks, post.link_clicks, post.seconds_viewed, average),
            ]
        )
    return csv_bytes([headers(FB_COLUMNS, lang), *reversed(rows)], bom=True)


def instagram_posts(rng: random.Random, ctx: Context, account: Account, posts: list[Post]) -> bytes:
    """Meta Business Suite's Instagram posts CSV (stories included), newest first."""
    lang = ctx.lang
    blank_some(rng, posts, ("views", "follows", "saves"))
    account_id = "17841" + digits(rng, 12)
    media_id = int("180" + digits(rng, 15))
    rows: list[list[object]] = []
    for post in posts:
        media_id += rng.randint(1_000_000_000, 90_000_000_000)
        shortcode = code(rng, 11, string.ascii_letters + string.digits + "_-")
        story = post.format == "story"
        if story:
            link = f"https://www.instagram.com/stories/{account.name}/{media_id}/"
            post.reactions, post.comments, post.saves = post.reactions + post.comments, 0, 0
        elif post.format == "short_video":
            link = f"https://www.instagram.com/reel/{shortcode}/"
        else:
            link = f"https://www.instagram.com/p/{shortcode}/"
        text = "" if story else caption(rng, ctx, post, hashtags=True)
        rows.append(
            [
                *(str(media_id), account_id, account.name, ctx.strategy.organisation.name, text),
                *(post.duration, post.at.strftime(META_TIME[lang]), link),
                *(IG_TYPES[lang][post.format], "", "Lifetime", post.views, post.reach),
                *(post.reactions, post.shares, post.follows, post.comments, post.saves),
            ]
        )
    return csv_bytes([headers(IG_COLUMNS, lang), *reversed(rows)], bom=True)


def facebook_follows(ctx: Context, account: Account, posts: list[Post]) -> bytes:
    """Business Suite's daily "Follows" file: UTF-16 LE with BOM, a sep= line, the metric's
    title, then every field quoted."""
    lines = ["sep=,", '"Follows"', '"Date","Primary"']
    lines += [f'"{day.isoformat()}T00:00:00","{n}"' for day, n in account.new.items()]
    return b"\xff\xfe" + ("\n".join(lines) + "\n").encode("utf-16-le")


# --- LinkedIn ---------------------------------------------------------------------------

LI_COLUMNS = (
    ("Post title", "Titre de la publication"),
    ("Post link", "Lien de la publication"),
    ("Post type", "Type de publication"),
    ("Posted by", "Publié par"),
    ("Created date", "Date de création"),
    ("Impressions", "Impressions"),
    ("Clicks", "Clics"),
    ("Click through rate (CTR)", "Taux de clics (CTR)"),
    ("Likes", "J’aime"),
    ("Comments", "Commentaires"),
    ("Reposts", "Republications"),
    ("Follows", "Abonnements"),
    ("Engagement rate", "Taux d’engagement"),
    ("Content Type", "Type de contenu"),
)
LI_TYPES = {
    "en": {
        "image": "Image",
        "photo": "Image",
        "carousel": "Document",
        "short_text": "Text",
        "long_text": "Article",
        "short_video": "Video",
        "long_video": "Video",
        "live": "Live event",
    },
    "fr": {
        "image": "Image",
        "photo": "Image",
        "carousel": "Document",
        "short_text": "Texte",
        "long_text": "Article",
        "short_video": "Vidéo",
        "long_video": "Vidéo",
        "live": "Live event",
    },
}
LI_DAY = {"en": "%m/%d/%Y", "fr": "%d/%m/%Y"}
LI_SHEETS = {"en": ("Metrics", "All posts"), "fr": ("Indicateurs", "Toutes les publications")}
LI_METRICS = {
    "en": ("Date", "Impressions", "Clicks", "Reactions", "Comments", "Reposts", "Engagement rate"),
    "fr": (
        *("Date", "Impressions", "Clics", "Réactions", "Commentaires", "Republications"),
        "Taux d’engagement",
    ),
}
LI_NOTE = {
    "en": "All posts published between {} and {}. "
    "Metrics are lifetime values as of the export date.",
    "fr": "Toutes les publications entre le {} et le {}.",
}


def linkedin_posts(rng: random.Random, ctx: Context, account: Account, posts: list[Post]) -> bytes:
    """LinkedIn Page analytics' content workbook: a daily Metrics sheet and All posts, each
    with a note on row 1 and its header on row 2; no reach per post."""
    from stratege.exports.workbook import Sheet, workbook_bytes  # the exports load slowly

    lang = ctx.lang
    blank_some(rng, posts, ("follows",))
    people = {p.id: p.name for p in ctx.strategy.resources.people}
    campaigns = {c.id for c in ctx.strategy.advertising.campaigns if "linkedin" in c.platforms}
    organic, sponsored = ("Organic", "Sponsored") if lang == "en" else ("Organique", "Sponsorisé")
    rows: list[list[object]] = []
    by_day: dict[dt.date, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for post in posts:
        link = f"https://www.linkedin.com/feed/update/urn:li:activity:{time_id(rng, post.at)}"
        impressions = post.views or 0
        clicks = (post.clicks or 0) + (post.link_clicks or 0)
        engaged = clicks + post.reactions + post.comments + post.shares + (post.follows or 0)
        rows.append(
            [
                caption(rng, ctx, post, hashtags=False).split("\n")[0],
                link,
                sponsored if post.campaign in campaigns else organic,
                people.get(post.publisher or "", ctx.strategy.organisation.name),
                post.at.strftime(LI_DAY[lang]),
                *(impressions, clicks, round(clicks / impressions, 4)),
                *(post.reactions, post.comments, post.shares, post.follows),
                *(round(engaged / impressions, 4), LI_TYPES[lang][post.format]),
            ]
        )
        totals = by_day[post.at.date()]
        for i, value in enumerate(
            (impressions, clicks, post.reactions, post.comments, post.shares)
        ):
            totals[i] += value
    first, last = (ctx.start.strftime(LI_DAY[lang]), ctx.end.strftime(LI_DAY[lang]))
    metrics = []
    for day in days(ctx.start, ctx.end):
        shown, clicked, reacted, commented, reposted = by_day.get(day, [0, 0, 0, 0, 0])
        rate = (clicked + reacted + commented + reposted) / shown if shown else 0
        metrics.append(
            [
                day.strftime(LI_DAY[lang]),
                shown,
                clicked,
                reacted,
                commented,
                reposted,
                round(rate, 4),
            ]
        )
    sheets = [
        Sheet(
            LI_SHEETS[lang][0],
            [LI_NOTE[lang].format(first, last)],
            [list(LI_METRICS[lang]), *metrics],
        ),
        Sheet(
            LI_SHEETS[lang][1],
            [LI_NOTE[lang].format(first, last)],
            [headers(LI_COLUMNS, lang), *reversed(rows)],
        ),
    ]
    return workbook_bytes(sheets, ctx.exported, "LinkedIn")


def linkedin_followers(ctx: Context, account: Account, posts: list[Post]) -> bytes:
    """LinkedIn's followers workbook: the day's new followers by origin ("Total followers"
    is the day's total of new followers, not the audience)."""
    from stratege.exports.workbook import Sheet, workbook_bytes

    rng = random.Random(f"{ctx.name}:linkedin-followers")
    campaigns = [c for c in ctx.strategy.advertising.campaigns if "linkedin" in c.platforms]
    rows = []
    for day, new in account.new.items():
        paid = any(c.start <= day <= c.end for c in campaigns)
        sponsored = min(new, poisson(rng, new * 0.3)) if paid else 0
        invited = min(new - sponsored, poisson(rng, 0.2))
        rows.append([day.strftime("%m/%d/%Y"), sponsored, new - sponsored - invited, invited, new])
    header = ["Date", "Sponsored followers", "Organic followers", "Auto-invited followers"]
    return workbook_bytes(
        [Sheet("New followers", [*header, "Total followers"], rows)], ctx.exported, "LinkedIn"
    )


# --- X ----------------------------------------------------------------------------------

X_COLUMNS = (
    "Post id",
    "Date",
    "Post text",
    "Post Link",
    "Impressions",
    "Likes",
    "Engagements",
    "Bookmarks",
    "Shares",
    "New follows",
    "Replies",
    "Reposts",
    "Profile visits",
    "Detail Expands",
    "URL Clicks",
    "Hashtag Clicks",
    "Permalink Clicks",
)
X_OVERVIEW = (
    "Date",
    "Impressions",
    "Likes",
    "Engagements",
    "Bookmarks",
    "Shares",
    "New follows",
    "Unfollows",
    "Replies",
    "Reposts",
    "Profile visits",
    "Create Post",
    "Video views",
    "Media views",
)


def x_engagements(post: Post) -> int:
    return sum(
        v or 0
        for v in (
            *(post.reactions, post.saves, post.comments, post.shares, post.follows),
            *(post.profile_visits, post.clicks, post.link_clicks),
        )
    )


def x_posts(rng: random.Random, ctx: Context, account: Account, posts: list[Post]) -> bytes:
    """X analytics' content CSV (account_analytics_content): one row per post, the day
    only, newest first; English headers whatever the interface language."""
    blank_some(rng, posts, ("saves", "profile_visits"))
    rows: list[list[object]] = []
    for post in posts:
        post_id = time_id(rng, post.at, X_EPOCH_MS)
        detail = round((post.clicks or 0) * 0.7)
        rows.append(
            [
                *(post_id, x_day(post.at.date()), caption(rng, ctx, post, False, short=True)),
                *(f"https://x.com/{account.name}/status/{post_id}", post.views, post.reactions),
                *(x_engagements(post), post.saves, 0, post.follows, post.comments, post.shares),
                *(post.profile_visits, detail, post.link_clicks, (post.clicks or 0) - detail, 0),
            ]
        )
    return csv_bytes([list(X_COLUMNS), *reversed(rows)])


def x_overview(ctx: Context, account: Account, posts: list[Post]) -> bytes:
    """X analytics' account overview CSV: one row per day, newest first."""
    by_day: dict[dt.date, list[Post]] = defaultdict(list)
    for post in posts:
        by_day[post.at.date()].append(post)
    rows: list[list[object]] = []
    for day in days(ctx.start, ctx.end):
        mine = by_day.get(day, [])
        total = [sum(getattr(p, f) or 0 for p in mine) for f in ("views", "reactions", "saves")]
        rows.append(
            [
                *(x_day(day), total[0], total[1], sum(x_engagements(p) for p in mine)),
                *(total[2], 0, account.new[day], account.lost[day]),
                *(sum(p.comments for p in mine), sum(p.shares for p in mine)),
                *(sum(p.profile_visits or 0 for p in mine), len(mine), 0, 0),
            ]
        )
    return csv_bytes([list(X_OVERVIEW), *reversed(rows)])


# --- YouTube ----------------------------------------------------------------------------

YT_COLUMNS = (
    "Content",
    "Video title",
    "Video publish time",
    "Duration",
    "Views",
    "Watch time (hours)",
    "Subscribers",
    "Average view duration",
    "Likes",
    "Comments added",
    "Shares",
    "Thumbnail impressions",
    "Thumbnail click-through rate (%)",
)


def youtube_posts(rng: random.Random, ctx: Context, account: Account, posts: list[Post]) -> bytes:
    """YouTube Studio's "Table data.csv": a Total row first, then one row per video, the
    publish day only, watch time in hours. English headers (the French ones are guesses)."""
    rows: list[list[object]] = []
    shown = 0  # thumbnail impressions, for the Total row
    for post in posts:
        views, seconds = post.video_views, post.seconds_viewed or 0
        thumbnails: int | None = round(views / (0.03 + 0.05 * rng.random()))
        if rng.random() < 0.025:
            thumbnails = None  # a few cells YouTube leaves empty
        shown += thumbnails or 0
        rows.append(
            [
                code(rng, 11, string.ascii_letters + string.digits + "_-"),
                caption(rng, ctx, post, False).split("\n")[0],
                us_day(post.at.date()),
                *(post.duration, views, round(seconds / 3600, 4), post.follows),
                hms(seconds / views) if views else "0:00:00",
                *(post.reactions, post.comments, post.shares, thumbnails),
                round(100 * views / thumbnails, 2) if thumbnails else None,
            ]
        )
    views = sum(p.video_views for p in posts)
    seconds = sum(p.seconds_viewed or 0 for p in posts)
    total: list[object] = ["Total", "", "", "", views, round(seconds / 3600, 4)]
    total += [sum(p.follows or 0 for p in posts), hms(seconds / views) if views else "0:00:00"]
    total += [sum(p.reactions for p in posts), sum(p.comments for p in posts)]
    total += [sum(p.shares for p in posts), shown]
    total += [round(100 * views / shown, 2) if shown else None]
    return csv_bytes([list(YT_COLUMNS), total, *reversed(rows)])


# --- the exports, by platform -----------------------------------------------------------

PostWriter = Callable[[random.Random, Context, Account, list[Post]], bytes]
DailyWriter = Callable[[Context, Account, list[Post]], bytes]


@dataclass(frozen=True)
class Export:
    """A platform's native exports: the formats.yaml entries they must match."""

    posts_format: str
    posts_file: str
    kept: Callable[[str], set[str]]  # language → the formats the posts export holds
    write_posts: PostWriter
    daily_format: str | None = None
    daily_file: str = ""
    write_daily: DailyWriter | None = None


EXPORTS = {
    "facebook": Export(
        "meta_facebook_posts",
        "facebook-posts.csv",
        lambda lang: set(FB_TYPES[lang]),
        facebook_posts,
        "meta_page_daily_metric",
        "facebook-follows.csv",
        facebook_follows,
    ),
    "instagram": Export(
        "meta_instagram_posts",
        "instagram-posts.csv",
        lambda lang: set(IG_TYPES[lang]),
        instagram_posts,
    ),
    "linkedin": Export(
        "linkedin_page_content",
        "linkedin-content.xlsx",
        lambda lang: set(LI_TYPES[lang]),
        linkedin_posts,
        "linkedin_page_followers",
        "linkedin-followers.xlsx",
        linkedin_followers,
    ),
    "x": Export(
        "x_content",
        "x-content.csv",
        lambda lang: {"short_text", "long_text", "image", "photo", "carousel", "short_video"},
        x_posts,
        "x_account_overview",
        "x-overview.csv",
        x_overview,
    ),
    "youtube": Export(
        "youtube_studio_table",
        "youtube-table-data.csv",
        lambda lang: set(VIDEO_FORMATS),
        youtube_posts,
    ),
}

# --- generic files: own accounts' days, a competitor's ----------------------------------

DAY_FORMATS = {"en": "%Y-%m-%d", "fr": "%d/%m/%Y"}
GENERIC_HEADERS = {
    "day": {"en": "Date", "fr": "Date"},
    "platform": {"en": "Platform", "fr": "Plateforme"},
    "account_name": {"en": "Account", "fr": "Compte"},
    "followers": {"en": "Followers", "fr": "Abonnés"},
    "new_followers": {"en": "New followers", "fr": "Nouveaux abonnés"},
    "posts": {"en": "Posts", "fr": "Publications"},
    "social_sessions": {"en": "Sessions from social", "fr": "Sessions depuis les réseaux"},
    "social_conversions": {
        "en": "Conversions from social",
        "fr": "Conversions depuis les réseaux",
    },
}
RATE_HEADER = {"en": "Engagement rate (%)", "fr": "Taux d’engagement (%)"}  # not imported
PLATFORM_NAMES = {"facebook": "Facebook", "instagram": "Instagram", "x": "X"}
PLATFORM_NAMES |= {"linkedin": "LinkedIn", "youtube": "YouTube", "tiktok": "TikTok"}
ACCOUNT_SUMS = ("social_sessions", "social_conversions")  # account fields some KPIs sum


def mapping_text(
    tool: str, platform: str | None, lang: str, columns: dict[str, str], comment: str
) -> str:
    """A mapping file (see stratege.measure.mapping) for a generic CSV."""
    lines = [f"# {comment}", f"tool: {tool}", "scope: account"]
    if platform:
        lines.append(f"platform: {platform}")
    lines += [
        f'decimal: "{"," if lang == "fr" else "."}"',
        f'date_format: "{DAY_FORMATS[lang]}"',
        "columns:",
    ]
    lines += [f"  {header}: {name}" for name, header in columns.items()]
    return "\n".join(lines) + "\n"


def followers_files(ctx: Context, accounts: list[Account]) -> tuple[bytes, str]:
    """The own accounts' daily followers (and the counts some KPIs sum), one row per
    account and day, as a spreadsheet kept by the team: a generic CSV and its mapping.
    The new followers agree with the platforms' own daily files."""
    lang = ctx.lang
    rng = random.Random(f"{ctx.name}:account-sums")
    metrics = {k.metric for k in ctx.strategy.kpis}
    sums = [f for f in ACCOUNT_SUMS if f in metrics]
    names = ["day", "platform", "account_name", "followers", "new_followers", *sums]
    columns = {f: GENERIC_HEADERS[f][lang] for f in names}
    daily = {f: daily_means(ctx.strategy, f, accounts, ctx.end) for f in sums}
    rows: list[list[object]] = [list(columns.values())]
    for day in days(ctx.start, ctx.end):
        for account in accounts:
            platform = account.channel.platform
            row: list[object] = [day.strftime(DAY_FORMATS[lang])]
            row += [PLATFORM_NAMES.get(platform, platform), account.name]
            row += [account.followers[day], account.new[day]]
            for name in sums:
                mean = daily[name].get(account.channel.id, 0.0)
                mean *= 1.04 ** month_index(ctx.start, day) * WEEKDAY[day.weekday()]
                row.append(poisson(rng, mean * lognormal(rng, 0.3)))
            rows.append(row)
    tool = "Suivi des comptes (tableur)" if lang == "fr" else "Account tracking (spreadsheet)"
    comment = "The own accounts' daily figures, kept by the team."
    delimiter = ";" if lang == "fr" else ","
    return csv_bytes(rows, delimiter), mapping_text(tool, None, lang, columns, comment)


def daily_means(
    strategy: Strategy, name: str, accounts: list[Account], end: dt.date
) -> dict[str, float]:
    """Per channel, the daily count that puts the KPI summing ``name`` near its baseline
    (per its own frequency), shared out by audience."""
    periods = {"daily": 1, "weekly": 7, "monthly": 30.4, "quarterly": 91.3, "yearly": 365}
    kpi = next(k for k in strategy.kpis if k.metric == name)
    per_day = (kpi.baseline or 30.0) / periods[kpi.frequency] * 1.05
    counted = [a for a in accounts if not kpi.channels or a.channel.id in kpi.channels]
    total = sum(a.followers[end] for a in counted) or 1
    return {a.channel.id: per_day * a.followers[end] / total for a in counted}


def competitor_files(ctx: Context, platforms: Sequence[str]) -> tuple[str, bytes, str] | None:
    """One competitor's daily followers and posts from a benchmarking tool: (id, CSV,
    mapping), for the first competitor audited on a platform the own data cover."""
    strategy, lang = ctx.strategy, ctx.lang
    for competitor in strategy.audit.competitors:
        found = [(p, audited(strategy, competitor.id, p)) for p in platforms]
        platform, entry = next(((p, e) for p, e in found if e is not None), ("", None))
        if entry is None:
            continue
        rng = random.Random(f"{ctx.name}:competitor:{competitor.id}")
        rates = Profile(0, 1, 0, 0, 0.0011, 0.0003)
        followers = follower_series(rng, entry, rates, ctx.start, ctx.end)[0]
        columns = {f: GENERIC_HEADERS[f][lang] for f in ("day", "followers", "posts")}
        rows: list[list[object]] = [[*columns.values(), RATE_HEADER[lang]]]
        for day in days(ctx.start, ctx.end):
            posts = poisson(rng, (entry.posts_per_week or 3) / 7)
            rate = (entry.avg_engagement_rate or 1.0) * lognormal(rng, 0.25)
            shown = decimal_text(rate, lang, 2) if posts else ""
            rows.append([day.strftime(DAY_FORMATS[lang]), followers[day], posts, shown])
        tool = "Veille concurrentielle (CSV)" if lang == "fr" else "Competitor benchmark (CSV)"
        comment = f"{competitor.name} on {PLATFORM_NAMES.get(platform, platform)}, per day."
        mapping = mapping_text(tool, platform, lang, columns, comment)
        delimiter = ";" if lang == "fr" else ","
        return competitor.id, csv_bytes(rows, delimiter), mapping
    return None


# --- one example ------------------------------------------------------------------------


def build(name: str, document: StrategyDocument | None = None) -> dict[str, bytes]:
    """Every file of ``data/<name>/``, by file name."""
    document = document or example(name)
    strategy = document.strategy
    start, end = first_months(strategy)
    ctx = Context(name, strategy, start, end)
    slots = [s for s in plan(document).plan.slots if start <= s.start.date() <= end]
    known = known_formats()
    accounts = own_accounts(ctx)
    files: dict[str, bytes] = {}
    manifest: list[dict[str, str]] = []
    covered: list[str] = []
    for account in accounts:
        platform = account.channel.platform
        export = EXPORTS.get(platform)
        if export is None or export.posts_format not in known:
            continue
        rng = random.Random(f"{name}:posts:{account.channel.id}")
        rates = profile(name, platform)
        posts = published(rng, ctx, slots, account.channel, export.kept(ctx.lang))
        for post in posts:
            perform(rng, ctx, rates, account, post)
        files[export.posts_file] = export.write_posts(rng, ctx, account, posts)
        manifest.append({"file": export.posts_file})
        covered.append(platform)
        if export.write_daily and export.daily_format in known:
            files[export.daily_file] = export.write_daily(ctx, account, posts)
            manifest.append({"file": export.daily_file})
    if accounts:
        data, mapping = followers_files(ctx, accounts)
        files["followers.csv"], files["followers.mapping.yaml"] = data, mapping.encode()
        manifest.append({"file": "followers.csv", "mapping": "followers.mapping.yaml"})
    platforms = [*covered, *(a.channel.platform for a in accounts)]
    competitor = competitor_files(ctx, platforms)
    if competitor is not None:
        who, data, mapping = competitor
        files[f"{who}.csv"], files[f"{who}.mapping.yaml"] = data, mapping.encode()
        manifest.append({"file": f"{who}.csv", "competitor": who, "mapping": f"{who}.mapping.yaml"})
    listened = listening_files(ctx)
    for file, data in listened.items():
        files[file] = data
        if not file.endswith(".mapping.yaml"):
            manifest.append({"file": file, "mapping": file.replace(".csv", ".mapping.yaml")})
    skipped = [c.platform for c in strategy.channels if c.platform not in covered]
    files["imports.yaml"] = manifest_text(name, manifest).encode()
    files["README.md"] = readme(ctx, sorted(files), skipped).encode()
    return dict(sorted(files.items()))


def listening_files(ctx: Context) -> dict[str, bytes]:
    """The listening tool's mentions and the customer-care inbox's messages (see
    listening_data), for an example that has texts written for it."""
    if ctx.name not in listening_data.VOICES:
        return {}
    data, mapping, _ = listening_data.mention_files(ctx.name, ctx.start, ctx.end)
    files = {"mentions.csv": data, "mentions.mapping.yaml": mapping.encode()}
    messages = listening_data.message_files(ctx.name, ctx.strategy, ctx.start, ctx.end)
    if messages is not None:
        files["messages.csv"], files["messages.mapping.yaml"] = messages[0], messages[1].encode()
    return files


def manifest_text(name: str, entries: list[dict[str, str]]) -> str:
    lines = [
        f"# The files of {name}'s example data, in import order, with their import options:",
        f"#   stratege import {name}.yaml FILE [--mapping MAPPING] [--competitor COMPETITOR]",
    ]
    for entry in entries:
        lines.append("- {" + ", ".join(f"{k}: {v}" for k, v in entry.items()) + "}")
    return "\n".join(lines) + "\n"


def readme(ctx: Context, files: list[str], skipped: list[str]) -> str:
    listed = ", ".join(f"`{f}`" for f in files if f != "README.md")
    text = (
        f"# Example data: {ctx.name}\n\n"
        f"Synthetic analytics exports for the example strategy `{ctx.name}.yaml`, from "
        f"{ctx.start} to {ctx.end} (the first {MONTHS} months of its period), generated by "
        f"`make_data.py` (`python -m stratege.examples.make_data`) from the example's own "
        f"plan: most planned posts are published at about their time with their format and "
        f"pillar, a few are skipped, a few are added, and every figure is a random draw. The "
        f"platforms' files are in the native formats `stratege import` recognises; the daily "
        f"followers and the competitor's figures are generic CSVs read with their "
        f"`.mapping.yaml`. Nothing is copied from a real account or export: names, ids and "
        f"figures are invented. Files: {listed}; `imports.yaml` gives the import order and "
        f"options.\n"
    )
    if "mentions.csv" in files:
        voices = listening_data.VOICES[ctx.name]
        loyal = ", ".join(f"`{v.author}`" for v in voices.loyal)
        text += (
            "\nFor listening (`stratege listen`): `mentions.csv` is a listening tool's export "
            "of what is said of the organisation and its competitors (invented texts in the "
            "example's language, matched to each brand by the strategy's `listening.queries`, "
            "a few naming no brand or in a language not listened to; the tool's sentiment on "
            "part of the rows only), with a few loyal authors who keep praising the brand (the "
            f"ambassadors: {loyal}), an event that gets people talking (from "
            f"{voices.buzz.day}), and a few days of complaints about an incident (from "
            f"{voices.incident.day}: the alerts' spike). "
        )
        if "messages.csv" in files:
            text += (
                "`messages.csv` is a customer-care inbox: the messages received on the "
                "customer-care channels, answered quickly inside the cadence's covered hours, "
                "later or never outside them. Both are read with their `.mapping.yaml`.\n"
            )
        else:
            text += (
                "It is read with its `.mapping.yaml`. No `messages.csv`: no channel of this "
                "example answers customers.\n"
            )
    notes = []
    if skipped:
        notes.append(
            f"No export for {', '.join(sorted(set(skipped)))}: `stratege import` has no native "
            f"format for it yet, or make_data.py does not write it."
        )
    facebook = {c.id for c in ctx.strategy.channels if c.platform == "facebook"}
    if any(m.channel in facebook and "story" in m.mix for m in ctx.strategy.content.formats):
        notes.append("Facebook stories are not in the posts export: the planned ones are absent.")
    return text + ("\n" + "\n".join(f"- {n}" for n in notes) + "\n" if notes else "")


def write(name: str, folder: Path) -> list[Path]:
    """Write the example's files into ``folder`` and remove any other file there."""
    files = build(name)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.iterdir():
        if stale.is_file() and stale.name not in files:
            stale.unlink()
    written = []
    for file, data in files.items():
        path = folder / file
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate the bundled examples' data.")
    parser.add_argument("--out", type=Path, default=DATA, help="folder of the data folders")
    parser.add_argument("names", nargs="*", help="examples (default: all)")
    args = parser.parse_args(argv)
    for name in args.names or example_names():
        paths = write(name, args.out / name)
        size = sum(p.stat().st_size for p in paths)
        print(f"{name}: {len(paths)} files, {size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
