"""The command line's errors: each a one-line message and the exit status it ends with.

Raise one of these from a command (or from a module a command calls) for a mistake in the
command line, in the input, or in writing the output; :func:`povertydata.cli.main` prints
``povertydata: <message>`` on standard error and returns the status. Anything else that
escapes a command is a bug in the library and keeps its traceback.
"""

from __future__ import annotations

__all__ = ["EXIT", "CommandError", "InputError", "OutputError", "UsageError"]

#: Every exit status of the command line, in a few words (the module docstring of
#: :mod:`povertydata.cli` explains each).
EXIT: dict[int, str] = {
    0: "done",
    1: "bad input or data",
    2: "usage, or a name the data does not know",
    3: "done, some inputs skipped",
    4: "output not written",
    130: "interrupted",
}


class CommandError(Exception):
    """A mistake or fault the command line reports in one line, with :attr:`status`."""

    status = 1


class UsageError(CommandError):
    """A wrong command line, or a name on it that the data does not know (status 2)."""

    status = 2


class InputError(CommandError):
    """Input that cannot be read or is not what the command reads (status 1)."""

    status = 1


class OutputError(CommandError):
    """Output that cannot be written where the command line says (status 4)."""

    status = 4
