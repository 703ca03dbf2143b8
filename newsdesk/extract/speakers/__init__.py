"""TODO speakers package."""

import newsdesk.extract.quotes  # noqa: F401  (the quote pass imports this package: load it first)
from newsdesk.extract.speakers.resolver import Resolver

__all__ = ["Resolver"]
