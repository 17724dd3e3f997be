"""The ten-question wizard: asks, validates and suggests, then hands back a Strategy.

``answers`` (reading typed answers) and ``suggest`` (defaults) know nothing of the terminal,
so another front end can reuse them; ``prompter`` is the terminal side. The questions live in
``foundations`` (frame, 1–4), ``publishing`` (5–7), ``means`` (8), ``roles`` (9) and
``advertising`` (10); ``flow`` runs them in order.
"""

from stratege.wizard.flow import run_wizard
from stratege.wizard.prompter import Asker

__all__ = ["Asker", "run_wizard"]
