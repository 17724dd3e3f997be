"""Reference data: platforms, formats and effort, KPI catalogue, objective kinds, sources."""

from stratege.knowledge.loader import load_knowledge
from stratege.knowledge.models import Knowledge

__all__ = ["Knowledge", "load_knowledge"]
