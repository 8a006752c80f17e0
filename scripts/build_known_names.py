"""Write chaingraph/extract/data/known_names.tsv, the firm and industry names that
extraction recognises in any article, from the public chainkg data set.

Only names are kept (a listed firm's short and registered names, a Shenwan
industry's name): no codes, dates or links. Run it from the project root:

    python scripts/build_known_names.py ../shared/data/chainkg

Each output line is ``type<TAB>canonical name<TAB>form|form…``, sorted, so the file
is the same on every run.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "chaingraph" / "extract" / "data" / "known_names.tsv"


def firm_rows(path: Path) -> list[tuple[str, str, str]]:
    """Return (type, canonical, forms) rows for the firms of ``company.jsonl``."""
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        full = (item.get("fullname") or "").strip()
        short = re.sub(r"^[*]?ST\s*|\s+", "", (item.get("name") or "").strip())  # drop the ST marks of the exchange
        if not full:
            continue
        forms = [full] + ([short] if short and short != full and len(short) >= 2 else [])
        rows[full] = ("Firm", full, "|".join(forms))
    return sorted(rows.values())


def industry_rows(path: Path) -> list[tuple[str, str, str]]:
    """Return (type, canonical, forms) rows for the industries of ``industry.jsonl``,
    without the level marks (Ⅱ, Ⅲ) and without the catch-all 其他… names."""
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name = re.sub(r"[ⅡⅢ]+$", "", json.loads(line)["name"].strip())
        if name.startswith("其他") or len(name) < 2:
            continue
        rows[name] = ("Chain", name, name)
    return sorted(rows.values())


def main(source: str) -> None:
    """Build the file from the chainkg directory ``source``."""
    base = Path(source)
    rows = firm_rows(base / "company.jsonl") + industry_rows(base / "industry.jsonl")
    OUT.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/chainkg")
