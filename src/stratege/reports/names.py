"""How the document names the strategy's channels: by what a reader knows them as."""

from __future__ import annotations

from collections import Counter

from stratege.strategy.model import Strategy
from stratege.vocabulary import Words


def channel_names(strategy: Strategy, words: Words) -> dict[str, str]:
    """Each channel by its platform's name ("Instagram"); where two channels share a
    platform, the account follows ("LinkedIn (@rives-emploi)") so they can be told apart."""
    shared = Counter(c.platform for c in strategy.channels)
    names = {}
    for channel in strategy.channels:
        name = words.platform(channel.platform)
        if shared[channel.platform] > 1:
            name = f"{name} ({channel.handle or channel.id})"
        names[channel.id] = name
    return names
