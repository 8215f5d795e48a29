#!/usr/bin/python3
"""docs_to_jsonl.py DIR... > docs.jsonl

One JSON line {"id", "date"?, "text"} per article file under the DIRs
(.txt .text .md .html .htm, walked in sorted order like newsgraph walks
a directory), the input of `newsgraph extract --jsonl` and of line-based
distributed engines (see docs/scale.md). The id is the path as given, so
the documents are named as a run over the same DIRs would name them; the
date comes from a first line `date YYYY-MM-DD` / `date: YYYY-MM-DD` when
there is one (otherwise newsgraph's usual rules apply to the record).
"""
import json
import os
import re
import sys

EXT = (".txt", ".text", ".md", ".html", ".htm")
DATE = re.compile(r"\ufeff?date:? (\d{4}-\d{2}-\d{2})\s*\n")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.stdout
    for root in sys.argv[1:]:
        for dirpath, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith(EXT):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                rec = {"id": path}
                m = DATE.match(text)
                if m:
                    rec["date"] = m.group(1)
                rec["text"] = text
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
