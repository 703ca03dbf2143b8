"""Prefect flows and deployments. Thin: every task is one call into the ``newsdesk`` core."""
