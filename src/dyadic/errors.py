"""Typed errors: the library raises these, only the CLI turns them into a message and an exit code."""

from __future__ import annotations


class DyadicError(Exception):
    """Base of every error dyadic raises on purpose."""

    exit_code = 1


class InputError(DyadicError):
    """One input cannot be read; the batch goes on without it."""

    def __init__(self, input: str, reason: str) -> None:
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason


class UsageError(DyadicError):
    """The command line or a call asks for something dyadic does not do."""

    exit_code = 2


class DataFileError(DyadicError):
    """A packaged or user-supplied data file is malformed; names the file and line."""
