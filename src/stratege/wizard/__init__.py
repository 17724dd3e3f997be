"""The ten-question wizard: asks, validates and suggests, then hands back a Strategy.

``answers`` (reading typed answers), ``suggest`` (defaults) and ``target`` (where the file
can go) know nothing of the terminal, so another front end can reuse them; ``prompter`` is
the terminal side, and every word it shows comes from gettext (``wizard.po``) or the
vocabulary. The questions live in ``foundations`` (frame, 1–4), ``publishing`` (5–7),
``means`` (8), ``roles`` (9) and ``advertising`` (10); ``flow`` runs them in order, on a
blank ``draft`` or on a strategy reopened for editing.
"""

from stratege.wizard.flow import run_wizard
from stratege.wizard.prompter import Asker

__all__ = ["Asker", "run_wizard"]
