"""The one exception a stage raises when a file cannot be loaded."""

from __future__ import annotations


class LoadError(Exception):
    """A file that cannot be loaded; becomes a row of raw_load_errors.

    reason is a short stable code (empty_file, binary_file, undecodable,
    too_large, duplicate_content, ...); message is a sentence a person can act on.
    severity "warning" marks a file skipped as not being a document (e.g. a manifest table beside the
    documents): reported, but the load does not count it as failed.
    """

    def __init__(self, reason: str, message: str, stage: str = "read", severity: str = "error") -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.stage = stage
        self.severity = severity
