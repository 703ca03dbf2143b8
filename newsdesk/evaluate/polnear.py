"""PolNeAR gold read into scoring units: attributions (brat relations) and their passages.

``parse_brat`` reads one .ann file into :class:`GoldAttribution` records (content, source and cue
fragments, character offsets into the article text). ``attribution_units`` gives one scoring unit
per attribution (PolNeAR's own grain: discontinuous content is one unit); ``passage_units`` splits
each attribution's content at its gaps and paragraph breaks into passages, the media-monitoring
grain of newsdesk's ``quotes`` table: the first passage (in text order) carries the attribution's
source span, the later ones none (as a floating or continued passage has no speaker mention of its
own), while every passage keeps the attribution's source text for the name check (``surname``).

What is counted as DIRECT and SPEECH is decided here too (``is_speech_cue``, ``marked``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

QUOTE_MARKS = "“”\"‘’'«»„"
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_PARA = re.compile(r"\n\s*")


@dataclass(slots=True)
class GoldAttribution:
    """One PolNeAR attribution relation: content fragments, source and cue fragments."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False
    cue_text: str = ""
    source_text: str = ""


@dataclass(slots=True)
class Unit:
    """One thing to match: gold or predicted content fragments with the speaker they carry.

    ``speaker`` is the speaker span of this unit (empty: the unit has no speaker mention of its
    own); ``name`` the gold source text (gold) or the resolved ``speaker_name`` (predicted);
    ``cue`` the cue span. ``direct`` and ``speech`` say which subsets the unit belongs to;
    ``info`` carries what the error table reports (gold cue, predicted cue lemma, speaker text).
    """

    frags: list[tuple[int, int]]
    speaker: list[tuple[int, int]] = field(default_factory=list)
    name: str | None = None
    cue: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False
    speech: bool = True
    info: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        return min(a for a, _ in self.frags)


def parse_brat(ann_text: str, text: str) -> list[GoldAttribution]:
    """Attribution relations of one .ann file (offsets re-sliced from ``text``).

    T-lines whose surface text runs over a newline continue on the next physical line; those
    continuation lines are skipped (offsets are what count). E-lines without a Content are
    dropped; Source/Cue may be missing (Attribution-no-source).
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in ann_text.splitlines():
        m = _T_LINE.match(line)
        if m:
            frags = [tuple(int(x) for x in part.split()) for part in m.group(3).split(";")]
            spans[m.group(1)] = [(a, b) for a, b in frags if b > a]
            continue
        m = _E_LINE.match(line)
        if m:
            roles: dict[str, str] = {}
            for item in m.group(2).split():
                if ":" in item:
                    role, tid = item.split(":", 1)
                    roles[role.rstrip("0123456789")] = tid
            events.append(roles)
    out: list[GoldAttribution] = []
    for roles in events:
        content = spans.get(roles.get("Content", ""), [])
        if not content:
            continue
        a, b = min(s for s, _ in content), max(e for _, e in content)
        cue = spans.get(roles.get("Cue", ""), [])
        source = spans.get(roles.get("Source", ""), [])
        out.append(GoldAttribution(content=content, source=source, cue=cue, direct=marked(text[a:b]),
                                   cue_text=" ".join(text[x:y] for x, y in cue),
                                   source_text=" ".join(text[x:y] for x, y in source)))
    return out


def first_annotator_files(split_dir: Path, metadata: Path | None) -> list[tuple[Path, Path]]:
    """(text, ann) pairs: one .ann per text, the first annotator listed in metadata.tsv
    (else the alphabetically first .ann)."""
    order: dict[str, list[str]] = {}
    if metadata is not None and metadata.is_file():
        lines = metadata.read_text(encoding="utf-8").splitlines()
        header = lines[0].split("\t")
        fi, ai = header.index("filename"), header.index("annotators")
        for line in lines[1:]:
            cols = line.split("\t")
            if len(cols) > max(fi, ai):
                order[cols[fi]] = cols[ai].split("|")
    pairs: list[tuple[Path, Path]] = []
    for txt in sorted((split_dir / "text").glob("*.txt")):
        anns = sorted((split_dir / "attributions").glob(f"{txt.stem}_*.ann"))
        anns = [a for a in anns if re.fullmatch(re.escape(txt.stem) + r"_[0-9a-f]+", a.stem)]
        if not anns:
            continue
        pick = anns[0]
        for annotator in order.get(txt.stem, []):
            cand = split_dir / "attributions" / f"{txt.stem}_{annotator}.ann"
            if cand in anns:
                pick = cand
                break
        pairs.append((txt, pick))
    return pairs


def is_speech_cue(cue_text: str) -> bool:
    """True when a gold cue as written is a reporting verb of our table (last word or the last
    two words, "pointed out"), "according to" or a colon."""
    from newsdesk.extract.quotes import VERBS

    words = cue_text.lower().replace(":", " : ").split()
    if not words:
        return False
    return words[-1] == ":" or " ".join(words[-2:]) in VERBS or words[-1] in VERBS


def marked(text: str) -> bool:
    """True when ``text`` (stripped) starts or ends with a quotation mark."""
    t = text.strip()
    return bool(t) and (t[0] in QUOTE_MARKS or t[-1] in QUOTE_MARKS)


def _gold_info(g: GoldAttribution) -> dict:
    return {"cue": g.cue_text.strip().lower(), "source": g.source_text}


def attribution_units(golds: list[GoldAttribution]) -> list[Unit]:
    """One unit per gold attribution (its whole, possibly discontinuous, content)."""
    return [Unit(g.content, g.source, g.source_text or None, g.cue, g.direct,
                 g.direct or is_speech_cue(g.cue_text), _gold_info(g)) for g in golds]


def split_passages(text: str, frags: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content fragments cut at paragraph breaks, each stripped of surrounding white space
    (empty pieces dropped), in text order."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(frags):
        cuts = [a] + [x for m in _PARA.finditer(text, a, b) for x in (m.start(), m.end())] + [b]
        for lo, hi in zip(cuts[::2], cuts[1::2]):
            while lo < hi and text[lo].isspace():
                lo += 1
            while hi > lo and text[hi - 1].isspace():
                hi -= 1
            if hi > lo:
                out.append((lo, hi))
    return out


def passage_units(golds: list[GoldAttribution], text: str) -> list[Unit]:
    """One unit per passage of each gold attribution (see the module doc); in text order."""
    out: list[Unit] = []
    for g in golds:
        speech = g.direct or is_speech_cue(g.cue_text)
        for k, (a, b) in enumerate(split_passages(text, g.content)):
            out.append(Unit([(a, b)], g.source if k == 0 else [], g.source_text or None, g.cue if k == 0 else [],
                            marked(text[a:b]), speech or marked(text[a:b]), _gold_info(g)))
    out.sort(key=lambda u: u.start)
    return out


_NOT_SURNAMES = {"He", "She", "I", "We", "They", "It", "The", "A", "An", "His", "Her", "Their", "Its", "This",
                 "That", "These", "Those", "Jr", "Jr.", "Sr", "Sr.", "II", "III"}
_CAPITAL_WORD = re.compile(r"[A-Z][\w’'.-]*")
_MODIFIER = re.compile(r"\s(?:of|for|at|from|in|with|who|which|whose)\s.*$")


def _name_at_end(phrase: str) -> str | None:
    """The last word of ``phrase`` when the phrase ends in a name (a capitalised word, possessive
    dropped) after its of/for/at… modifier is cut off; else None."""
    phrase = _MODIFIER.sub("", phrase.strip(" ,.;:")).strip()
    words = phrase.split()
    if not words:
        return None
    last = re.sub(r"[’']s?$", "", words[-1]).rstrip(".,")
    if not _CAPITAL_WORD.fullmatch(last) or last in _NOT_SURNAMES:
        return None
    return last


def surname(source_text: str | None) -> str | None:
    """The gold speaker's surname, as the name check reads it: the last word of the source when it
    ends in a name ("Sen. Bernie Sanders, I-Vt." → "Sanders", "Democracy Corps’ Stan Greenberg" →
    "Greenberg"), else of its apposition when that starts with a name ("the LinkedIn chief
    executive, Jeff Weiner," → "Weiner"); None for a pronoun or a common noun phrase ("he", "the
    campaign", "Former prosecutors", "Vatican officials")."""
    if not source_text:
        return None
    parts = [p for p in re.split(r"[,(\n—–]", source_text) if p.strip()]
    if not parts:
        return None
    name = _name_at_end(parts[0])
    if name is None and len(parts) > 1 and parts[1].strip()[:1].isupper():
        name = _name_at_end(parts[1])
    return name


def name_right(gold_source: str | None, speaker_name: str | None) -> bool | None:
    """None when the gold source carries no name; else whether its surname is a word of
    ``speaker_name``."""
    s = surname(gold_source)
    if s is None:
        return None
    return speaker_name is not None and s.lower() in re.findall(r"[\w’'.-]+", speaker_name.lower().replace("’s", ""))


__all__ = ["GoldAttribution", "Unit", "parse_brat", "first_annotator_files", "is_speech_cue", "marked",
           "attribution_units", "passage_units", "split_passages", "surname", "name_right", "QUOTE_MARKS"]
