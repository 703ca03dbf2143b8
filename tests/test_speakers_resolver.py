"""The speakers package and the quote pass import each other (newsdesk.extract.speakers.resolver)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["newsdesk.extract.speakers.names", "newsdesk.extract.speakers",
                                    "newsdesk.extract.quotes.cues", "newsdesk.extract.quotes"])
def test_either_package_imports_first(module):
    # a fresh interpreter: whichever module comes first, both packages load
    done = subprocess.run([sys.executable, "-c", f"import {module}; import newsdesk.extract.quotes as q; q.extract_quotes"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
