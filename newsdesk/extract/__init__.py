"""Extractors over one parsed spaCy Doc: entities, quotes, figures (``batch.extract_docs`` runs them all)."""
