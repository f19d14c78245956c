#!/usr/bin/env python3
"""Rebuild the real-text evaluation set from a local folder of excerpts.

The texts of `eval/real` are excerpts of published articles and posts, which
never enter the repository. The repository keeps, per excerpt, the gold
claims, the URL, the publication metadata and the SHA-256 of the excerpt's
text (`eval/real/<id>.json`, key `excerpt`). Whoever holds the excerpts (one
UTF-8 file `<id>.txt` per document, cut from the page at the URL as
`excerpt.how` describes) rebuilds a scorable corpus folder with

    python scripts/build_real_eval.py --texts /path/to/excerpts --out out/eval-real
    ceasewatch eval --gold out/eval-real

A text whose hash differs from the recorded one is refused (the gold was
written for other words); missing texts are listed and skipped.
Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = os.environ.get("CEASEWATCH_REAL_TEXTS", "/work/real-texts")
GOLD_FIELDS = ("id", "published", "publisher", "language", "url", "title", "claims")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rebuild(gold_dir: Path, texts_dir: Path, out_dir: Path) -> tuple[int, list[str], list[str]]:
    """Write `<id>.txt` + `<id>.json` for every excerpt found; returns
    (written, missing ids, problems)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written, missing, problems = 0, [], []
    for gold_path in sorted(gold_dir.glob("*.json")):
        record = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_id = record.get("id")
        if doc_id != gold_path.stem:
            problems.append(f"{gold_path}: id {doc_id!r} differs from the file name")
            continue
        text_path = texts_dir / f"{doc_id}.txt"
        if not text_path.is_file():
            missing.append(doc_id)
            continue
        text = text_path.read_text(encoding="utf-8")
        expected = (record.get("excerpt") or {}).get("sha256")
        if expected != sha256_text(text):
            problems.append(f"{text_path}: SHA-256 differs from {gold_path} (excerpt.sha256); "
                            "cut the excerpt again as excerpt.how says")
            continue
        (out_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        # the corpus validator takes no `title` key, so a missing title is left out
        gold = {key: record.get(key) for key in GOLD_FIELDS if key != "title" or record.get("title")}
        (out_dir / f"{doc_id}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                encoding="utf-8")
        written += 1
    return written, missing, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", default=str(HERE / "eval" / "real"), help="folder of gold records (eval/real)")
    parser.add_argument("--texts", default=DEFAULT_TEXTS, help="local folder of excerpts <id>.txt")
    parser.add_argument("--out", default=str(HERE / "out" / "eval-real"), help="corpus folder to write")
    args = parser.parse_args(argv)
    written, missing, problems = rebuild(Path(args.gold), Path(args.texts), Path(args.out))
    for line in problems:
        print(f"error: {line}", file=sys.stderr)
    if missing:
        print(f"{len(missing)} excerpts missing from {args.texts}: {', '.join(missing)}", file=sys.stderr)
    print(f"{written} documents written to {args.out}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
