"""``python -m newsdesk …`` is the ``newsdesk`` command (useful where the venv's bin/ is not on PATH)."""
import sys

from newsdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
