"""Exceptions for inputs that cannot be read. Each carries a stable `reason` code.

Problems inside a readable document are findings or `Result.problems`, never exceptions;
these are only for files the pipeline cannot go on with (spec: Bad input).
"""

from __future__ import annotations


class ReportParseError(Exception):
    """Base class: an input could not be processed."""

    reason = "error"

    def __init__(self, message: str, path: str | None = None) -> None:
        if path and path not in message:  # every message names its file, whoever raised it
            message = f"{path}: {message}"
        super().__init__(message)
        self.message = message
        self.path = path


class InputError(ReportParseError):
    """The input file cannot be read as a document (bad input, not a defect of ours)."""

    reason = "unreadable"


class MissingFile(InputError):
    """The path does not exist."""

    reason = "missing-file"


class IsADirectory(InputError):
    """A directory was given where a file was expected."""

    reason = "is-a-directory"


class UnknownFormat(InputError):
    """The file's extension and content match no supported format."""

    reason = "unknown-format"


class EmptyFile(InputError):
    """The file has zero bytes."""

    reason = "empty-file"


class CorruptFile(InputError):
    """The file is truncated or corrupt (a PDF without its trailer, a DOCX that is not a zip ...)."""

    reason = "corrupt-file"


class EncryptedFile(InputError):
    """The file is password-protected."""

    reason = "encrypted"


class NoTextLayer(InputError):
    """A PDF whose pages carry no text (a scan): it needs OCR, which we do not do."""

    reason = "no-text-layer"


class ZipBomb(InputError):
    """A DOCX/XLSX whose contents would expand far beyond any real report."""

    reason = "zip-bomb"


class BadEncoding(InputError):
    """A text file in an encoding we cannot decode."""

    reason = "bad-encoding"


class NotAReport(InputError):
    """The document reads fine but is not a performance self-evaluation report."""

    reason = "not-a-report"


class TooLarge(InputError):
    """The file is beyond the size limit for one report."""

    reason = "too-large"


class NotARegularFile(InputError):
    """A FIFO, character or block device or socket: reading it could block forever or never end,
    so it is refused from `stat` before it is opened."""

    reason = "not-a-regular-file"


class SymlinkLoop(InputError):
    """The path runs into a loop of symbolic links."""

    reason = "symlink-loop"


class PermissionDenied(InputError):
    """The file (or a folder on its path) may not be read by this user."""

    reason = "permission-denied"


class OutputError(ReportParseError):
    """The output could not be written (missing or read-only folder, full disk ...); the previous
    content of the target, if any, is left as it was."""

    reason = "write-failed"


class OutputIsInput(OutputError):
    """`-o` names one of the files being read: writing would destroy the input."""

    reason = "output-is-input"


class NeedsLibreOffice(InputError):
    """A format read through LibreOffice (.doc, .wps, an .xls saved as HTML ...), which is not installed."""

    reason = "needs-libreoffice"


class ConversionFailed(InputError):
    """LibreOffice was run on the file and gave no document back (damaged file, or it timed out)."""

    reason = "conversion-failed"
