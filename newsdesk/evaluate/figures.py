"""Score the figures extractor against NewsQuant and quantulum3's test sentences.

NewsQuant (CQE paper, EMNLP 2023) has no character offsets, so predictions and gold quantities
are matched per sentence, as CQE_Evaluation does, but one-to-one (each gold and each predicted
quantity is used at most once per metric):

- value: values equal (``math.isclose``, rel 1e-5); a range only matches a range with equal
  low and high;
- value+unit: value, and the normalised unit (our ISO codes / canonical units are mapped to
  NewsQuant's ``normalized_unit`` names by :data:`UNIT_NAMES`, read from the extractor's own unit and
  currency tables; a count's unit is its counted object, compared on the singularised head word);
- value+change: value, and the change ("=", "~", ">", "<", "up", "down");
- value+concept: value, and at least one word shared between the gold ``referred_concepts`` and
  the predicted object (CQE's "partial" concept match);
- concept|holder (informative, not one of CQE's four): as value+concept, but the predicted words
  are the object's and those of the figure's holder (:func:`newsdesk.extract.figures.figure_holder`,
  the clause subject: "Nokia" for "Nokia, which has 9,000 staff"). NewsQuant's referred concept is
  often that holder, not the counted noun; this line measures what a proposed ``Figure.subject``
  column would add. It is not used for the official value+concept score.

Limits: NewsQuant's own conventions differ from ours in places (cents and pence are their own unit
there, a fraction's unit is "% <whole>"); the adapter :func:`figure_to_prediction` maps the ones
that are only a matter of representation and leaves real disagreements to count as errors.
"""

from __future__ import annotations

import hashlib
import json
import random
import math
import re
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from newsdesk import lexicon
from newsdesk.extract.figures.patterns import phrases
from newsdesk.extract.figures.units import per_unit_names, sub_units, unit_names
from newsdesk.extract.types import Figure

Value = float | tuple[float, float]
Prediction = dict[str, Any]  # {"value": Value, "unit": str, "change": str, "concepts": set[str]}

# NewsQuant's names for what differs from the catalogue's (data/figures_newsquant_unit_names.tsv).
_ALIASES = {(what, ours.lower()): theirs for what, ours, theirs in lexicon.rows("figures_newsquant_unit_names")}


def newsquant_name(name: str) -> str:
    """A catalogue unit name in NewsQuant's vocabulary (lower case): "degree Celsius" -> "celsius"."""
    return _ALIASES.get(("name", name.lower()), name.lower())


# Figure.unit -> NewsQuant normalized_unit: the extractor's one unit table (a currency's code -> its
# catalogue name, a measure's catalogue name -> itself), in NewsQuant's vocabulary.
UNIT_NAMES: dict[str, str] = {unit: newsquant_name(name) for unit, name in unit_names().items()}
# Nouns a price is per that are not units ("share"): their names as Figure.unit writes them after "/".
PER_UNIT_NAMES = {surface: newsquant_name(name) for surface, name in per_unit_names().items()}
# Sub-units NewsQuant keeps as their own unit ("19 cents" is 19 cent), with the factor to get back to them.
SUB_UNITS: dict[str, tuple[str, float]] = {
    surface: (_ALIASES.get(("subunit", surface), newsquant_name(name)), factor)
    for surface, (name, factor) in sub_units().items()
}
_KNOWN_UNITS = frozenset(UNIT_NAMES.values()) | {name for name, _ in SUB_UNITS.values()} | {"-"}
_SUB_UNIT_RE = re.compile(rf"\d\s*({phrases(sorted(SUB_UNITS, key=len, reverse=True))})\b(?!\s*(?:er|c\b))", re.I)
_WORD_RE = re.compile(r"[\w'-]+")
_STOP = frozenset("the a an of and or in on for to by with from at its their his her this that as".split())


PARTS = ("A", "B", "all")


def sentence_part(text: str) -> str:
    """The development part of a NewsQuant sentence: "A" (tuning) or "B" (checking only).

    NewsQuant has no sentence ids, so the id is the sentence text itself: its SHA-256, read as a
    number, even -> A, odd -> B. Stable across file orders and machines; about half and half."""
    return "A" if int(hashlib.sha256(text.encode("utf8")).hexdigest(), 16) % 2 == 0 else "B"


def load_newsquant(path: str, limit: int | None = None, part: str = "all") -> list[dict]:
    """NewsQuant items ``{"text", "quantities"}`` of one development part ("A", "B" or "all", see
    :func:`sentence_part`), the first ``limit`` of them if given."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    with open(path, encoding="utf8") as fh:
        data = json.load(fh)
    if part != "all":
        data = [item for item in data if sentence_part(item["text"]) == part]
    return data[:limit] if limit is not None else data


def singular(word: str) -> str:
    """Crude English singular of one lower-cased word (enough to compare counted nouns)."""
    w = word.lower()
    irregular = {"people": "people", "men": "man", "women": "woman", "children": "child", "feet": "foot",
                 "teeth": "tooth", "mice": "mouse", "series": "series", "species": "species", "news": "news"}
    if w in irregular:
        return irregular[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"
    if len(w) > 4 and re.search(r"(ches|shes|xes|sses|zes|oes|uses)$", w):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def parse_gold_value(raw: str) -> Value:
    """NewsQuant value string -> float, or (low, high) for "a-b" ranges (negative values kept)."""
    s = raw.replace(" ", "")
    m = re.fullmatch(r"(-?[\d.]+(?:[eE][-+]?\d+)?)-(-?[\d.]+(?:[eE][-+]?\d+)?)", s)
    if m:
        return float(m.group(1)), float(m.group(2))
    return float(s)


def gold_to_prediction(q: dict) -> Prediction:
    """A NewsQuant gold quantity in the comparison form."""
    concepts = q.get("referred_concepts", "-")
    words = {w.lower() for w in re.split(r"[,\s]+", concepts) if w and w != "-"}
    return {
        "value": parse_gold_value(q["value"]),
        "unit": q["normalized_unit"].strip().lower(),
        "change": q.get("change", "=").strip(),
        "concepts": words - _STOP,
    }


def figure_to_prediction(fig: Figure, holder: str | None = None) -> Prediction:
    """One of our figures in NewsQuant's terms (unit names, cents as their own unit, ranges);
    ``holder`` (see :func:`newsdesk.extract.figures.figure_holder`) only feeds the informative
    concept|holder score."""
    if fig.value_low is not None and fig.value_high is not None and fig.value_low != fig.value_high:
        value: Value = (fig.value_low, fig.value_high)
    else:
        value = fig.value
    unit, per = "-", ""
    if fig.unit:
        base, _, per_unit = fig.unit.partition("/")
        unit = UNIT_NAMES.get(fig.unit) or UNIT_NAMES.get(base, base.lower())
        if per_unit and fig.unit not in UNIT_NAMES:
            per = " per " + (PER_UNIT_NAMES.get(per_unit) or UNIT_NAMES.get(per_unit) or per_unit.lower())
        if fig.kind == "age":
            unit = f"{unit} of age"
    elif fig.kind == "count" and fig.object:
        unit = fig.object.lower()
    elif fig.kind == "ratio":  # NewsQuant writes a fraction's unit as "% <what it is a part of>"
        unit = "% " + (fig.object.lower() if fig.object else "-")
    if fig.period and fig.period.startswith("per ") and fig.conversion_of is None:
        per = " " + fig.period  # "$3,500 a month" -> "dollar per month" (a conversion inherits the rate unwritten)
    if fig.kind == "money":
        m = _SUB_UNIT_RE.search(fig.text)
        if m and not re.search(r"[$£€¥]|\b(?:dollars?|pounds?|euros?)\b", fig.text, re.I):
            name, factor = SUB_UNITS[" ".join(m.group(1).lower().split())]
            unit = name
            value = tuple(v * factor for v in value) if isinstance(value, tuple) else value * factor
    unit += per
    concepts = {w.lower() for w in _WORD_RE.findall(fig.object or "")} - _STOP
    holder_words = {w.lower() for w in _WORD_RE.findall(holder or "")} - _STOP
    return {"value": value, "unit": unit, "change": fig.change or "=", "concepts": concepts, "holder": holder_words}


def values_match(a: Value, b: Value) -> bool:
    """Equal values (relative tolerance 1e-5); ranges only match ranges, as intervals (NewsQuant
    writes "from 180 to 168" as "180-168", our figures keep low <= high)."""
    if isinstance(a, tuple) or isinstance(b, tuple):
        if not (isinstance(a, tuple) and isinstance(b, tuple)):
            return False
        return all(math.isclose(x, y, rel_tol=1e-5, abs_tol=1e-8) for x, y in zip(sorted(a), sorted(b)))
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def units_match(gold: str, pred: str) -> bool:
    """Same normalised unit; for counted nouns the singular head words (last words) agree.

    The head-word rule only applies when the prediction is a counted noun, not one of our
    unit names ("australian dollar" never matches "dollar").
    """
    g, p = gold.strip().lower(), pred.strip().lower()
    if g == p:
        return True
    if p in _KNOWN_UNITS:
        return False
    if " per " in p:  # "tests per day" ~ "test per day"
        return [singular(w) for w in g.split()] == [singular(w) for w in p.split()]
    gw, pw = g.split(), p.split()
    return bool(gw and pw) and singular(gw[-1]) == singular(pw[-1])


def _match(gold: Sequence[Prediction], pred: Sequence[Prediction], extra: Callable[[Prediction, Prediction], bool]) -> int:
    """Number of one-to-one (gold, pred) pairs whose values match and ``extra`` holds (greedy)."""
    used: set[int] = set()
    hits = 0
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and values_match(g["value"], p["value"]) and extra(g, p):
                used.add(j)
                hits += 1
                break
    return hits


CRITERIA: dict[str, Callable[[Prediction, Prediction], bool]] = {
    "value": lambda g, p: True,
    "value+unit": lambda g, p: units_match(g["unit"], p["unit"]),
    "value+change": lambda g, p: g["change"] == p["change"],
    "value+concept": lambda g, p: bool(g["concepts"] & p["concepts"]),
    "concept|holder": lambda g, p: bool(g["concepts"] & (p["concepts"] | p.get("holder", set()))),
}


def prf(hits: int, n_gold: int, n_pred: int) -> dict[str, float]:
    """Precision, recall, F1 (0 when undefined)."""
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "hits": hits}


def score_predictions(items: Sequence[dict], predictions: Sequence[Sequence[Prediction]]) -> dict:
    """P/R/F1 per criterion for ``predictions[i]`` against ``items[i]["quantities"]``."""
    n_gold = n_pred = 0
    hits = dict.fromkeys(CRITERIA, 0)
    errors: list[dict] = []
    per_sentence: list[tuple[int, int, dict[str, int]]] = []
    for item, preds in zip(items, predictions):
        gold = [gold_to_prediction(q) for q in item["quantities"]]
        n_gold += len(gold)
        n_pred += len(preds)
        matched = {name: _match(gold, preds, extra) for name, extra in CRITERIA.items()}
        per_sentence.append((len(gold), len(preds), matched))
        for name, n in matched.items():
            hits[name] += n
        if _match(gold, preds, CRITERIA["value+unit"]) != len(gold) or len(preds) != len(gold):
            errors.append({"text": item["text"], "gold": gold, "pred": list(preds)})
    scores = {name: prf(h, n_gold, n_pred) for name, h in hits.items()}
    return {"n_sentences": len(items), "n_gold": n_gold, "n_pred": n_pred, "scores": scores, "errors": errors,
            "split_noise": split_noise(per_sentence) if len(items) >= 20 else None}


def split_noise(per_sentence: list[tuple[int, int, dict[str, int]]], rounds: int = 2000, seed: int = 0) -> dict:
    """How far apart two random halves of the same predictions score: per criterion, the median and the
    90th percentile of |F1(half 1) − F1(half 2)| over ``rounds`` random halvings (in points). A gap between
    the tuning and the checking part is a finding only when it is well above this."""
    rng = random.Random(seed)
    rows = list(per_sentence)
    half = len(rows) // 2
    gaps: dict[str, list[float]] = {name: [] for name in CRITERIA}

    def f1(part, name):
        g = sum(r[0] for r in part)
        p = sum(r[1] for r in part)
        return 200.0 * sum(r[2][name] for r in part) / (g + p) if g + p else 0.0

    for _ in range(rounds):
        rng.shuffle(rows)
        for name in CRITERIA:
            gaps[name].append(abs(f1(rows[:half], name) - f1(rows[half:], name)))
    out = {}
    for name, values in gaps.items():
        values.sort()
        out[name] = {"median": values[len(values) // 2], "p90": values[int(len(values) * 0.9)]}
    return out


def _extract_all(texts: Iterable[str]) -> tuple[list[list[Figure]], float, float, list[list[str | None]]]:
    """Run the pipeline + extractor; returns figures, NLP seconds, extractor seconds, and each
    figure's holder (computed after the timing: it is not part of the extractor's output)."""
    from newsdesk.extract.figures import extract_figures, figure_holder
    from newsdesk.nlp import load_nlp

    nlp = load_nlp()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    t1 = time.perf_counter()
    figures = [extract_figures(doc) for doc in docs]
    t2 = time.perf_counter()
    holders = [[figure_holder(doc, f) for f in figs] for doc, figs in zip(docs, figures)]
    return figures, t1 - t0, t2 - t1, holders


def evaluate_figures(newsquant_path: str, limit: int | None = None, quantulum_path: str | None = "auto",
                     part: str = "all") -> dict:
    """Score ``extract_figures`` on NewsQuant (one development ``part``: "A", "B" or "all", see
    :func:`sentence_part`), and on quantulum3's quantities.json.

    ``quantulum_path="auto"`` looks for ``../quantulum3/quantities.json`` beside the NewsQuant
    folder (the layout of shared/eval); ``None`` skips that check. Returns
    ``{"newsquant": {n_sentences, n_gold, n_pred, scores: {metric: {p, r, f1, hits}}, errors,
    nlp_seconds_per_100, extractor_seconds_per_100}, "quantulum3": {...} | None}``.
    """
    if quantulum_path == "auto":
        guess = Path(newsquant_path).resolve().parent.parent / "quantulum3" / "quantities.json"
        quantulum_path = str(guess) if guess.is_file() else None
    items = load_newsquant(newsquant_path, limit, part)
    figures, nlp_s, ext_s, holders = _extract_all(item["text"] for item in items)
    preds = [[figure_to_prediction(f, h) for f, h in zip(figs, hs)] for figs, hs in zip(figures, holders)]
    result = score_predictions(items, preds)
    per100 = 100.0 / max(len(items), 1)
    result.update(part=part, nlp_seconds_per_100=nlp_s * per100, extractor_seconds_per_100=ext_s * per100)
    q3 = evaluate_quantulum3(quantulum_path) if quantulum_path else None
    return {"newsquant": result, "quantulum3": q3}


def _q3_unit_match(g: Prediction, p: Prediction) -> bool:
    """quantulum3 unit check: same name; a "dimensionless" gold accepts any figure without a unit name."""
    return g["unit"] == p["unit"] or (g["unit"] == "-" and p["unit"] not in _KNOWN_UNITS - {"-"})


def evaluate_quantulum3(path: str) -> dict:
    """Accuracy on quantulum3's quantities.json: share of gold quantities found by value / value+unit.

    Gold "dimensionless" numbers (bare numbers, years) count as a unit match only when our figure
    has no unit; the scores are also given without those (we deliberately skip years and numbers
    inside names).
    """
    with open(path, encoding="utf8") as fh:
        data = json.load(fh)
    figures, _, _, _ = _extract_all(item["req"] for item in data)
    counts = {"all": [0, 0, 0], "with_unit": [0, 0, 0]}  # [gold, value hits, value+unit hits]
    for item, figs in zip(data, figures):
        preds = [figure_to_prediction(f) for f in figs]
        gold = []
        for q in item["res"]:
            unit = q["unit"].lower()
            unit = "-" if unit in ("dimensionless", "dozen", "gross") else newsquant_name(unit)
            # quantulum3 gives ranges as their midpoint
            gold.append({"value": float(q["value"]), "unit": unit})
        flat = [{**p, "value": (sum(p["value"]) / 2 if isinstance(p["value"], tuple) else p["value"])} for p in preds]
        v_hits = _match(gold, flat, CRITERIA["value"])
        u_hits = _match(gold, flat, _q3_unit_match)
        counts["all"][0] += len(gold)
        counts["all"][1] += v_hits
        counts["all"][2] += u_hits
        with_unit = [g for g in gold if g["unit"] != "-"]
        counts["with_unit"][0] += len(with_unit)
        counts["with_unit"][1] += _match(with_unit, flat, CRITERIA["value"])
        counts["with_unit"][2] += _match(with_unit, flat, lambda g, p: g["unit"] == p["unit"])
    return {
        name: {"n_gold": c[0], "value_acc": c[1] / max(c[0], 1), "value_unit_acc": c[2] / max(c[0], 1)}
        for name, c in counts.items()
    }


def format_report(result: dict) -> str:
    """Human-readable table of :func:`evaluate_figures`'s result."""
    lines: list[str] = []
    nq = result.get("newsquant") or result
    part = f" part {nq['part']}" if nq.get("part", "all") != "all" else ""
    lines.append(f"NewsQuant{part}: {nq['n_sentences']} sentences, {nq['n_gold']} gold, {nq['n_pred']} predicted")
    lines.append(f"{'metric':<15}{'P':>7}{'R':>7}{'F1':>7}")
    for name, s in nq["scores"].items():
        note = "  (informative: object or holder, for a proposed subject column)" if name == "concept|holder" else ""
        lines.append(f"{name:<15}{s['p'] * 100:7.1f}{s['r'] * 100:7.1f}{s['f1'] * 100:7.1f}{note}")
    if nq.get("split_noise") and nq.get("part", "all") == "all":
        noise = nq["split_noise"]
        lines.append("random halves of these sentences differ by (F1 points, median / 90th percentile): "
                     + ", ".join(f"{k} {v['median']:.1f}/{v['p90']:.1f}" for k, v in noise.items()
                                 if k in ("value", "value+unit", "value+change")))
    if "nlp_seconds_per_100" in nq:
        lines.append(
            f"seconds per 100 sentences: spaCy {nq['nlp_seconds_per_100']:.3f}, "
            f"extractor {nq['extractor_seconds_per_100']:.4f}"
        )
    q3 = result.get("quantulum3")
    if q3:
        for name, s in q3.items():
            lines.append(
                f"quantulum3 quantities.json ({name}, {s['n_gold']} gold): "
                f"value acc {s['value_acc'] * 100:.1f}, value+unit acc {s['value_unit_acc'] * 100:.1f}"
            )
    return "\n".join(lines)
