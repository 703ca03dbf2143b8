"""Name forms and the alias table: the matching key of a name, the canonical names and labels of
``newsdesk/data/entity_aliases.tsv``, and what counts as a word of a name.

The key of a name (:func:`norm_key`) ignores case, dots, curly apostrophes, extra spaces and a
leading "the": "Nato" = "NATO", "U.S." = "US", "the States" = "States". An alias hit gives the
canonical name and label ("U.S." -> United States, GPE); its 4th column marks cities (a city the
model tags ORG stays ORG: clubs and companies). The table's PERSON rows are a small list of
well-known people, used only when the document never writes a full name containing the surname.
Also here: common given names (evidence that a span is a person), family names written first
("Xi", "Wang", "Kim", "Nguyen") and the lower-case particles of names ("von der", "bin", "al").
"""

from __future__ import annotations

import re
from pathlib import Path

from newsdesk.extract.types import ENTITY_LABELS

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"
ENTITY_LABEL_SET = frozenset(ENTITY_LABELS)

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
WS_RE = re.compile(r"\s+")


def norm_key(text: str) -> str:
    """Matching key: case-folded, dots dropped, apostrophes straightened, spaces collapsed."""
    key = _NORM_KEY_CACHE.get(text)
    if key is None:
        if len(_NORM_KEY_CACHE) > 200_000:
            _NORM_KEY_CACHE.clear()
        key = _NORM_KEY_CACHE[text] = _norm_key_uncached(text)
    return key


_NORM_KEY_CACHE: dict[str, str] = {}


def _norm_key_uncached(text: str) -> str:
    key = WS_RE.sub(" ", text.translate(_APOSTROPHES).replace(".", "")).strip().casefold()
    if key.startswith("the "):
        key = key[4:]
    return key


def _load_aliases(path: Path) -> dict[str, tuple[str, str]]:
    """alias key -> (canonical name, label) from the TSV (comment lines start with '#')."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        alias, canonical, label = cols[:3]
        if label not in ENTITY_LABEL_SET:
            raise ValueError(f"{path}: bad label {label!r} for {alias!r}")
        table.setdefault(norm_key(alias), (canonical, label))
        if len(cols) > 3 and cols[3].strip() == "city":
            CITY_NAMES.add(canonical)
    return table


CITY_NAMES: set[str] = set()  # canonical names of cities (4th column "city" in the alias table)


def _load_words(path: Path) -> frozenset[str]:
    """Case-folded words of a one-word-a-line list (comment lines start with '#')."""
    return frozenset(
        w.strip().casefold()
        for w in path.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    )


ALIASES = _load_aliases(DATA_DIR / "entity_aliases.tsv")

GIVEN_NAMES = _load_words(DATA_DIR / "given_names.txt")

# Family names written first (Chinese, Korean, Vietnamese): a lone "Xi" or "Wang" refers to the
# FIRST token of "Xi Jinping" / "Wang Yi". A short, closed list of the most common surnames.
FAMILY_FIRST_SURNAMES = frozenset(
    """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang
    xie song tang xi han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei
    su lu ding ren yao shen zhong cui tan fan liao shi jin jia xia fu fang zou xiong bai meng qin qiu
    hou yin xue yan duan lei long shao wan qian tao mao hao gu kong mo bo kim park lee choi jung kang
    cho yoon moon nguyen tran le pham hoang
    """.split()
)

# Lower-case particles that belong inside personal names ("Ursula von der Leyen").
NAME_PARTICLES = frozenset(
    "van von der den de del della di da dos das du la le bin bint ibn al el abu ben ter zu y".split()
)


def is_cap_word(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text)


def is_name_word(text: str) -> bool:
    """A word that can be part of a personal name (capitalised, or a particle like "von")."""
    return (is_cap_word(text) or text in NAME_PARTICLES) and not any(c.isdigit() for c in text)
