"""Offline OCR for scanned pages (the optional extra `reportparse[ocr]`).

`prepare` turns a page bitmap upright and clean, `ruling` finds its table rules, `recognise`
reads its lines (`ocr_page`, a pure per-page function). The readers call it for PDF pages
without a usable text layer and for image files. Nothing here is imported unless a page needs
OCR, so text documents never load numpy or the models.
"""

from __future__ import annotations

import importlib.util

#: What a user runs to get OCR (named in the no-text-layer message when it is missing).
INSTALL_COMMAND = "pip install 'reportparse[ocr]'"


def available() -> bool:
    """Whether the recogniser is installed."""
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None
