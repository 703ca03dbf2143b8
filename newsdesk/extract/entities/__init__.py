"""Named-entity mentions, canonical names and stated roles for one parsed document.

``extract_entities(doc)`` (:mod:`.assemble`) starts from the small model's ``doc.ents``, repairs
the slips it makes systematically on news text, and links every mention to a canonical entity.
Every rule is general (no per-document or per-corpus lists); the word lists and tables are data
files in ``newsdesk/data`` (``entities_*``, ``entity_aliases.tsv``, ``person_titles.tsv``,
``given_names.txt``, ``calendar_words.tsv``), read through :mod:`newsdesk.lexicon`. One module per step:

1. span repair (:mod:`.spans`): cuts, trims, hyphenated pairs of names, titles leaving PERSON
   spans (:mod:`.titles`), honorifics making persons, shape and non-entity fixes;
2. recall (:mod:`.recall`): alias-table names, full names and surnames the model missed;
3. labels and canonical names (:mod:`.labels`, from the alias table and name forms of
   :mod:`.names`): alias hits fix labels, people the model called something else, majority labels;
4. within-document linking (:mod:`.linking`): "Mr Putin" / "Putin" -> "Vladimir Putin", "the
   Bank" -> "Bank of England";
5. roles (:mod:`.roles`): appositions and title chains ("Wang Yi, the Chinese foreign minister").
All steps read the document through one token view (:mod:`.docview`).

Limits: linking is within one document only (plus the well-known people of the alias table); no
coreference of pronouns or descriptions; all-capitals headlines and results tables remain hard for
the small model. Cost: linear in document length (person linking is quadratic in distinct full
names only).
"""

from newsdesk.extract.entities.assemble import extract_entities
from newsdesk.extract.entities.docview import DocView
from newsdesk.extract.entities.names import ALIASES, GIVEN_NAMES, norm_key
from newsdesk.extract.entities.titles import FAMILY_HONORIFICS, ROLE_NOUNS, TITLES

__all__ = [
    "ALIASES", "DocView", "FAMILY_HONORIFICS", "GIVEN_NAMES", "ROLE_NOUNS", "TITLES", "extract_entities", "norm_key",
]
