"""Speaker resolution: which entity a quote's speaker span names (speaker_name / speaker_label /
speaker_entity_id of a Quote).

``Resolver`` (``resolver``) holds one document's state — its mentions by offset and by name, the
people and organisations seen as subjects or speakers so far, the reported contents of person
speakers — and tries the strategies of the topic modules in a fixed order:

- ``names`` — a name written in the text: a mention, a name the NER missed or cut short, wire
  brackets, a name in apposition to a title, a unit before its noun, the fuller earlier name;
- ``documents`` — a document, poll or spokesperson: its author or organisation;
- ``pronouns`` — he/she/I, "it", "who", "both leaders": an earlier subject or speaker;
- ``roles`` — a definite role nominal ("the Russian leader") → the person whose descriptors match;
- ``organisations`` — a generic organisation noun ("the company") or an institution ("China's
  Foreign Ministry").

The strategies are plain functions taking the resolver as first argument, not mixins: the state
lives in one class, each strategy's inputs show in its signature and its module's imports (no
method resolution order to follow), and a reader finds "how is 'the company' resolved" by file name.

Indefinite nominals ("a Kremlin official") stay unresolved, and so does a later "the adviser"
after "an energy adviser". The quote pass (:mod:`newsdesk.extract.quotes`) finds the speaker
spans and asks the resolver about them in text order.
"""

# The two packages import each other: speakers uses the quote pass's token geometry and subject
# finding (quotes.spans, quotes.speaker), and quotes.assembly uses the Resolver. Loading the quote
# package first, whichever of the two is imported first, gives one working import order.
import newsdesk.extract.quotes  # noqa: F401
from newsdesk.extract.speakers.resolver import Resolver

__all__ = ["Resolver"]
