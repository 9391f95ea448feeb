#!/usr/bin/env python3
"""Python trafilatura's speed on the same pages as `cargo run --release -p cronaca-ingest
--example html_speed -- PAGES.jsonl`: main text and metadata (`bare_extraction` with
metadata, as cronaca extracts both), best of REPEAT runs, in wall and CPU time of this process.

    pip install trafilatura lxml_html_clean
    python3 scripts/html_speed_python.py PAGES.jsonl [REPEAT]
"""
import json
import sys
import time

import trafilatura


def main() -> None:
    path = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    pages = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("html"):
                pages.append((rec["html"], rec.get("uri")))
    best_wall = best_cpu = float("inf")
    chars = 0
    for _ in range(max(repeat, 1)):
        wall, cpu = time.perf_counter(), time.process_time()
        chars = 0
        for html, uri in pages:
            doc = trafilatura.bare_extraction(html, url=uri, with_metadata=True)
            text = doc.text if doc is not None and hasattr(doc, "text") else None
            chars += len(text or "")
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    n = len(pages)
    print(f"{n} pages in {best_wall:.3f}s wall = {n / best_wall:.1f} pages/s; "
          f"{best_cpu:.3f}s CPU = {n / best_cpu:.1f} pages/s ({chars} chars of text)")


if __name__ == "__main__":
    main()
