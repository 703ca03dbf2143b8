"""TODO quotes package."""

from newsdesk.extract.quotes.marks import find_quote_spans
from newsdesk.extract.quotes.verbs import VERBS
from newsdesk.extract.quotes.assembly import extract_quotes

__all__ = ["extract_quotes", "find_quote_spans", "VERBS"]
