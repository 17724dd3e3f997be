"""Why an operation was refused, worded for people in either language.

A service never prints: it raises one of these with a message id and values, and the
command line or the web page words it in the reader's language.
"""

from __future__ import annotations

from stratege.i18n.catalogue import N_
from stratege.i18n.refusal import Refusal

MESSAGES = {
    "bad_name": N_("Cannot write '{path}': not a file name inside the output folder."),
    "would_overwrite_input": N_(
        "Refusing to write {path}: it is the strategy file being read. Choose another output."
    ),
    "not_a_file": N_("Cannot write {path}: a folder or special file is in the way."),
    "symlink": N_("Refusing to write through the symbolic link {path}: it could point anywhere."),
    "foreign_files": N_(
        "These files were not written by Stratège (or were changed since): {paths}. "
        "Choose another output folder, or add --force to overwrite them."
    ),
    "end_before_start": N_("The end date ({end}) is before the start date ({start})."),
    "outside_period": N_(
        "The dates {start} to {end} are not all inside the strategy's period ({first} to "
        "{last}): plan a part of the period, or change the period in the strategy."
    ),
    "unknown_example": N_("Unknown example '{name}'. Examples: {names}."),
}


class ServiceError(Refusal):
    """An operation that cannot be done as asked; ``message(lang)`` says why."""

    messages = MESSAGES


class OutputRefused(ServiceError):
    """Writing the output would destroy or endanger a file."""


class DatesRefused(ServiceError):
    """The dates asked for cannot be planned."""


class UnknownExample(ServiceError):
    """No bundled example has that name."""
