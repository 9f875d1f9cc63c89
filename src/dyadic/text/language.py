"""Which language an article is in (py3langid's bundled model; no network)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MIN_WORDS = 8  # shorter texts (one-line records) are too short to judge and are let through
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language, judged on its first 5,000 characters."""
    lang, prob = _identifier().classify(text[:5000])
    return lang, float(prob)


def foreign_language(text: str) -> str | None:
    """The code of a confidently detected language other than English, else None."""
    if len(text.split()) < MIN_WORDS:
        return None
    lang, prob = detect(text)
    return lang if lang != "en" and prob >= MIN_CONFIDENCE else None
