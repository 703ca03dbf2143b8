"""``python -m newsdesk.flows …`` is the ``newsdesk`` command (where the venv's bin/ is not on PATH)."""
import sys

from newsdesk.flows.cli import main

if __name__ == "__main__":
    sys.exit(main())
