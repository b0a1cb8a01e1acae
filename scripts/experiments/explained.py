"""Shared by the experiments: every labelled article through `newsflow explain --json`."""

import json
import os
import subprocess
import sys
import tempfile


def explain_all(articles, newsflow):
    """One `newsflow explain --json` per article, through the same clean stage as `eval`."""
    out = []
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as raw:
        for a in articles:
            raw.write(json.dumps({"id": a["id"], "url": a.get("url"), "source": a.get("source"),
                                  "title": a["title"], "body": a["text"],
                                  "content_type": "text/plain"}, ensure_ascii=False) + "\n")
    try:
        for i in range(1, len(articles) + 1):
            res = subprocess.run([newsflow, "explain", raw.name, "--line", str(i), "--json"],
                                 capture_output=True, text=True, check=True)
            out.append(json.loads(res.stdout))
            print(f"\rexplained {i}/{len(articles)}", end="", file=sys.stderr)
    finally:
        os.unlink(raw.name)
    print(file=sys.stderr)
    return out
