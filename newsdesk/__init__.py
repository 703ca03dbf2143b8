"""newsdesk: raw news articles -> an analyst-ready DuckDB warehouse.

The core package. Nothing here imports Prefect; orchestration lives in ``flows/``.
"""

__version__ = "0.1.0"

# Bump whenever an extractor's output can change for the same input text; every run
# records it, so analysts can tell rows written by old extractors from new ones.
EXTRACTOR_VERSION = "2026.12.07-1"
