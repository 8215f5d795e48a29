#!/usr/bin/python3
"""Build the benchmark corpus: directories of news-article-sized documents.

    bench/make_corpus.py [--out bench/corpus] [--seed 6] [SIZE_MB ...]

Default sizes are 1, 10 and 100 (MB, 10^6 bytes). Each size becomes
OUT/<size>mb/dNNN/NNNNNN.txt, documents of 3-5 KB, 1000 per subdirectory.

Why mixed and not copied: a benchmark over one article copied thousands of
times measures a cache, and a resolver that sees one cast of names. Each
document here is a random run of paragraphs drawn from several openly
licensed sources, so names, quotes and layouts vary from document to document
and co-occur in combinations no source has. Runs of 1-4 consecutive
paragraphs are kept together so that "he said" still follows the name it
refers to.

Sources (all open; see /work/shared/eval/README.md and data/README.md):
  data/seeds/*.txt                         sample articles (with page furniture)
  eval/coref/gum-news.jsonl  text          Wikinews, CC BY 2.5
  eval/ner/re3d-open.jsonl   text          OGL v3.0 / public domain / CC BY-SA 3.0 / CC BY 3.0 AU
  eval/ner/uner-en-pud-wiki.jsonl text     Wikipedia sentences, CC BY-SA 3.0
(eval/ner/gum-news-derived.jsonl holds the same texts as gum-news.jsonl and
is deduplicated away.)

The unique source text is about 0.27 MB, so at 100 MB every paragraph
recurs a few hundred times, each time in a different document with
different neighbours. That is the limit of the open text we have; it is
stated in bench/results.md.

Deterministic: the same seed gives byte-identical corpora, and the documents
of a smaller size are the first documents of every larger one (one random
stream), so "the first MB" is the same text for every tool. Every document
starts with `date YYYY-MM-DD`, one of 10 consecutive days.
"""

import argparse
import datetime
import glob
import hashlib
import json
import os
import random
import re
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.environ.get("NG_EVAL_DIR", "/work/shared/eval")

DATE_LINE = re.compile(r"^\s*date:?\s+\d{4}-\d{2}-\d{2}\s*$", re.M)
FIRST_DAY = datetime.date(2025, 1, 13)
DAYS = 10
DOCS_PER_DIR = 1000


def paragraphs(text):
    """Split on blank lines; drop date lines and empty paragraphs."""
    text = DATE_LINE.sub("", text.replace("\r\n", "\n"))
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def load_articles():
    """Return a list of (source, [paragraph, ...]) articles, deduplicated."""
    articles = []
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "seeds", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            articles.append(("seed", paragraphs(f.read())))
    for name in ("coref/gum-news.jsonl", "ner/gum-news-derived.jsonl",
                 "ner/re3d-open.jsonl"):
        path = os.path.join(EVAL, name)
        if not os.path.exists(path):
            print(f"make_corpus: warning: {path} missing, skipped", file=sys.stderr)
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                articles.append((name, paragraphs(row["text"])))
    # UNER rows are single Wikipedia sentences from unrelated articles: group
    # them into pseudo-articles of 3-5 sentence paragraphs.
    path = os.path.join(EVAL, "ner/uner-en-pud-wiki.jsonl")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            sents = [json.loads(l)["text"].strip() for l in f if l.strip()]
        rng = random.Random(0)
        paras, i = [], 0
        while i < len(sents):
            n = rng.randint(3, 5)
            paras.append(" ".join(sents[i:i + n]))
            i += n
        for j in range(0, len(paras), 6):
            articles.append(("uner", paras[j:j + 6]))

    seen, out = set(), []
    for src, paras in articles:
        keep = []
        for p in paras:
            h = hashlib.sha1(p.encode("utf-8")).digest()
            if h not in seen:
                seen.add(h)
                keep.append(p)
        if keep:
            out.append((src, keep))
    return out


def documents(articles, seed):
    """Endless stream of (date, text) documents of 3-5 KB."""
    rng = random.Random(seed)
    n = 0
    while True:
        target = rng.randint(2500, 4500)
        parts, size, used = [], 0, set()
        while size < target:
            a = rng.randrange(len(articles))
            paras = articles[a][1]
            start = rng.randrange(len(paras))
            run = rng.randint(1, 4)
            for k in range(start, min(start + run, len(paras))):
                if (a, k) in used:
                    continue
                used.add((a, k))
                parts.append(paras[k])
                size += len(paras[k].encode("utf-8")) + 2
        day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
        yield day.isoformat(), "\n\n".join(parts) + "\n"
        n += 1


def build(out_dir, size_bytes, articles, seed):
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    total, n = 0, 0
    for day, text in documents(articles, seed):
        if total >= size_bytes:
            break
        sub = os.path.join(out_dir, f"d{n // DOCS_PER_DIR:03d}")
        if n % DOCS_PER_DIR == 0:
            os.makedirs(sub, exist_ok=True)
        data = f"date {day}\n\n{text}".encode("utf-8")
        with open(os.path.join(sub, f"{n:06d}.txt"), "wb") as f:
            f.write(data)
        total += len(data)
        n += 1
    return n, total


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "corpus"))
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("sizes", nargs="*", type=int, default=[1, 10, 100],
                    help="sizes in MB (10^6 bytes)")
    args = ap.parse_args()

    articles = load_articles()
    uniq = sum(len(p.encode("utf-8")) for _, ps in articles for p in ps)
    print(f"make_corpus: {len(articles)} source articles, "
          f"{sum(len(ps) for _, ps in articles)} unique paragraphs, "
          f"{uniq} bytes of unique text", file=sys.stderr)
    for mb in args.sizes:
        d = os.path.join(args.out, f"{mb}mb")
        n, total = build(d, mb * 1000 * 1000, articles, args.seed)
        print(f"make_corpus: {d}: {n} documents, {total} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
