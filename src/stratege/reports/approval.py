"""Who approved the version of the strategy a document shows, and when.

The web application plans and documents the approved version; the document's cover says
which version it is and who approved it, so a printed copy answers "is this the strategy
we signed?". From the command line there is no approval: the cover says nothing of it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Approval:
    version: int
    by: str | None = None  # None: the version is not approved (yet)
    on: dt.date | None = None
    comment: str = ""
