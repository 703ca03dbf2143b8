"""The loaded pipeline: which components run, and the math settings that cut its CPU without
changing what it annotates."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.settings import nlp_gemm

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _annotations(doc) -> list[tuple]:
    return [(t.i, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


def test_every_model_layer_multiplies_with_numpy_by_default(nlp):
    for name, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None:
            assert all(not node.ops.use_blis for node in model.walk()), name


def test_numpy_and_blis_products_annotate_the_same(nlp):
    # the switch changes only where the products are computed: tags, parse and entities stay
    from newsdesk.nlp import load_nlp

    blis_nlp = load_nlp(gemm="blis")
    assert all(node.ops.use_blis for node in blis_nlp.get_pipe("tok2vec").model.walk())
    texts = [p.read_bytes().decode("utf-8", "replace") for p in sorted(SAMPLES.glob("*.txt"))[:4]]
    for ours, theirs in zip(nlp.pipe(texts), blis_nlp.pipe(texts)):
        assert _annotations(ours) == _annotations(theirs)


def test_gemm_setting_reads_the_environment(monkeypatch):
    monkeypatch.delenv("NEWSDESK_GEMM", raising=False)
    assert nlp_gemm() == "numpy"
    monkeypatch.setenv("NEWSDESK_GEMM", " BLIS ")
    assert nlp_gemm() == "blis"
    monkeypatch.setenv("NEWSDESK_GEMM", "mkl")
    with pytest.raises(ValueError, match="NEWSDESK_GEMM"):
        nlp_gemm()


def test_numpy_arrays_get_no_huge_pages_unless_the_user_asked(monkeypatch):
    from numpy._core import multiarray

    from newsdesk.nlp import small_pages_for_numpy

    before = multiarray._set_madvise_hugepage(True)  # returns the previous value
    try:
        monkeypatch.setenv("NUMPY_MADVISE_HUGEPAGE", "1")
        small_pages_for_numpy()
        assert multiarray._set_madvise_hugepage(True) is True  # left as the user set it
        monkeypatch.delenv("NUMPY_MADVISE_HUGEPAGE")
        small_pages_for_numpy()
        assert multiarray._set_madvise_hugepage(True) is False
    finally:
        multiarray._set_madvise_hugepage(before)
