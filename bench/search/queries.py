#!/usr/bin/env python3
"""Queries and expected pages for bench/search.sh.

Usage: queries.py bundled            the merchant queries of tests/browser/search.test.mjs
       queries.py corpus CONTENT_DIR  for a gen_corpus.py site: a title's phrase and number
                                      (one expected page) and bare phrases (any page whose
                                      title holds the phrase)
Prints [[query, [expected page path, ...]], ...] as JSON.
"""
import json
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))


def bundled():
    text = open(os.path.join(here, "..", "..", "tests", "browser", "search.test.mjs"), encoding="utf-8").read()
    block = text[text.index("const QUERIES = ["):text.index("];", text.index("const QUERIES = ["))]
    out = []
    for q, url in re.findall(r'\[\s*"((?:[^"\\]|\\.)*)",\s*"([^"]+)"\s*\]', block):
        if re.search(r"[\u4e00-\u9fff]", q):  # the Chinese ones
            out.append([q, [url.split("#")[0]]])
    return out


def corpus(content):
    pages = []
    for sec in sorted(os.listdir(content)):
        d = os.path.join(content, sec)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.startswith("page-") and f.endswith(".md"):
                with open(os.path.join(d, f), encoding="utf-8") as fh:
                    m = re.search(r'^title:\s*"?(.*?)"?\s*$', fh.read(600), re.M)
                pages.append((m.group(1), f"{sec}/{f[:-3]}/"))
    out = []
    for title, url in pages[:: max(1, len(pages) // 10)][:10]:
        m = re.match(r"^(?:.*?：)?(.*?)（(\d+)）$", title)
        if m:
            phrase = re.sub(r"^(详解|一文读懂|关于|如何)", "", m.group(1))
            out.append([f"{phrase} {m.group(2)}", [url]])
    for phrase in ["申请退还保证金", "商标授权书", "营业执照", "结算账户", "食品经营许可证"]:
        hits = [u for t, u in pages if phrase in t]
        if hits:
            out.append([phrase, hits])
    return out


if __name__ == "__main__":
    print(json.dumps(bundled() if sys.argv[1] == "bundled" else corpus(sys.argv[2]), ensure_ascii=False))
