"""``python -m newsdesk.unitcatalog [--check]``: write newsdesk/data/units.tsv from the
catalogues, or (``--check``) exit 1 when the committed table differs from what they build."""

from __future__ import annotations

import sys
import time

from newsdesk import lexicon
from newsdesk.unitcatalog import TABLE, build_table_text, catalogues_installed, committed_table_text


def main(argv: list[str]) -> int:
    if not catalogues_installed():
        print("the catalogue packages are not installed: pip install -e '.[units]'", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    text = build_table_text()
    took = time.perf_counter() - t0
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    if "--check" in argv:
        same = text == committed_table_text()
        print(f"{TABLE}: {'up to date' if same else 'STALE: rebuild it'} ({len(rows)} rows, built in {took:.1f} s)")
        return 0 if same else 1
    lexicon.path(TABLE).write_text(text, encoding="utf8")
    units = {line.split("\t")[1] for line in rows}
    print(f"wrote {TABLE}: {len(rows)} surfaces, {len(units)} units, built in {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
