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

from newsdesk import lexicon
from newsdesk.extract.types import ENTITY_LABELS

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


def _load_aliases() -> dict[str, tuple[str, str]]:
    """alias key -> (canonical name, label) from entity_aliases.tsv (the first row of a key wins)."""
    table: dict[str, tuple[str, str]] = {}
    for alias, canonical, label, kind in lexicon.rows("entity_aliases"):
        if label not in ENTITY_LABEL_SET:
            raise ValueError(f"entity_aliases.tsv: bad label {label!r} for {alias!r}")
        table.setdefault(norm_key(alias), (canonical, label))
        if kind == "city":
            CITY_NAMES.add(canonical)
    return table


CITY_NAMES: set[str] = set()  # canonical names of cities (4th column "city" in the alias table)


ALIASES = _load_aliases()

GIVEN_NAMES = frozenset(name.casefold() for name in lexicon.ordered("given_names"))

# Family names written first (Chinese, Korean, Vietnamese): a lone "Xi" or "Wang" is the FIRST word
# of "Xi Jinping" / "Wang Yi".
FAMILY_FIRST_SURNAMES = lexicon.words("entities_family_first_surnames")
# Lower-case particles that belong inside personal names ("Ursula von der Leyen").
NAME_PARTICLES = lexicon.words("entities_name_particles")


def is_cap_word(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text)


def is_name_word(text: str) -> bool:
    """A word that can be part of a personal name (capitalised, or a particle like "von")."""
    return (is_cap_word(text) or text in NAME_PARTICLES) and not any(c.isdigit() for c in text)
