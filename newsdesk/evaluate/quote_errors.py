"""Why quotes are missed, spurious or wrongly attributed: the error table of the quote evaluation.

Each unmatched gold unit, unmatched prediction and matched prediction with a wrong speaker gets
one cause (the first that applies, in the order listed):

missed (a gold unit no prediction matched at 0.3)
  - ``partial``: a prediction covers some of it, less than 0.3 (content cut short);
  - ``taken``: the prediction covering it is matched to another gold unit (two gold units merged
    into one prediction, or one prediction for an interrupted quote);
  - ``floating``: nothing overlaps, the gold has no cue (a passage attached to no speaker);
  - ``colon / according``: nothing overlaps, the gold cue is a colon or "according to";
  - ``verb not in table``: nothing overlaps, the gold cue's verb is not a reporting verb we know;
  - ``cue verb <lemma>``: nothing overlaps, the cue is a table verb (grouped by its last word).
spurious (a prediction matched to no gold unit)
  - ``split / duplicate``: it overlaps a gold unit that another prediction matched;
  - ``partial``: it overlaps a gold unit, covering less than 0.3 of it;
  - ``not annotated, cue <lemma>``: it overlaps no gold unit at all (grouped by predicted cue
    lemma; "inherited" for a passage without a cue of its own).
wrong speaker (matched, speaker check failed)
  - ``no speaker predicted``, ``speaker predicted, gold has none``, ``other span: pronoun``,
    ``other span: name`` (a capitalised word), ``other span: noun phrase``.
"""

from __future__ import annotations

from collections import Counter

from newsdesk.evaluate.polnear import Unit, is_speech_cue

_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "who", "which"}


def _chars(u: Unit) -> set[int]:
    return {c for a, b in u.frags for c in range(a, b)}


class ErrorTable:
    """Counts (category, cause) over the documents added."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()

    def add(self, text: str, golds: list[Unit], preds: list[Unit], pairs: list[tuple[int, int, float]],
            all_golds: list[Unit] | None = None) -> None:
        """One document: ``golds`` the scored gold units, ``pairs`` their matches at 0.3;
        ``all_golds`` (every gold unit, beliefs included) tells a spurious prediction that hits an
        attribution outside the subset from one that hits nothing."""
        matched_g = {g: p for g, p, _ in pairs}
        matched_p = {p: g for g, p, _ in pairs}
        gchars = [_chars(g) for g in golds]
        pchars = [_chars(p) for p in preds]
        for gi, g in enumerate(golds):
            if gi in matched_g:
                continue
            over = [pi for pi, pc in enumerate(pchars) if gchars[gi] & pc]
            if any(pi not in matched_p for pi in over):
                cause = "partial"
            elif over:
                cause = "taken"
            else:
                cue = g.info.get("cue", "")
                if not cue:
                    cause = "floating (no cue)"
                elif cue.endswith(":") or cue == "according to":
                    cause = "colon / according"
                elif not is_speech_cue(cue):
                    cause = "verb not in table"
                else:
                    cause = f"cue verb {cue.split()[-1]}"
            self.counts[("missed", cause)] += 1
        other = [_chars(g) for g in (all_golds or [])]
        for pi, p in enumerate(preds):
            if pi in matched_p:
                continue
            over = [gi for gi, gc in enumerate(gchars) if gc & pchars[pi]]
            if any(gi in matched_g for gi in over):
                cause = "split / duplicate"
            elif over:
                cause = "partial"
            elif any(gc & pchars[pi] for gc in other):
                cause = "gold outside SPEECH (belief, plan …)"
            else:
                cause = f"not annotated, cue {p.info.get('cue') or 'inherited'}"
            self.counts[("spurious", cause)] += 1
        for gi, pi, _ in pairs:
            g, p = golds[gi], preds[pi]
            ok = any(x < fb and fa < y for x, y in p.speaker for fa, fb in g.speaker) if g.speaker else not p.speaker
            if ok:
                continue
            if not p.speaker:
                cause = "no speaker predicted"
            elif not g.speaker:
                cause = "speaker predicted, gold has none"
            else:
                written = (p.info.get("speaker") or "").strip()
                if written.lower() in _PRONOUNS:
                    cause = "other span: pronoun"
                elif written[:1].isupper():
                    cause = "other span: name"
                else:
                    cause = "other span: noun phrase"
            self.counts[("wrong speaker", cause)] += 1

    def result(self) -> dict:
        """{category: {cause: count}} with causes by decreasing count."""
        out: dict[str, dict[str, int]] = {}
        for (cat, cause), n in sorted(self.counts.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1])):
            out.setdefault(cat, {})[cause] = n
        return out


def format_table(errors: dict, top: int = 8) -> str:
    """The error table as text: per category its total and its ``top`` causes (the rest summed)."""
    lines = []
    for cat in ("missed", "spurious", "wrong speaker"):
        causes = errors.get(cat, {})
        lines.append(f"{cat}: {sum(causes.values())}")
        items = list(causes.items())
        for cause, n in items[:top]:
            lines.append(f"    {n:>5}  {cause}")
        if len(items) > top:
            lines.append(f"    {sum(n for _, n in items[top:]):>5}  (other causes)")
    return "\n".join(lines)


__all__ = ["ErrorTable", "format_table"]
