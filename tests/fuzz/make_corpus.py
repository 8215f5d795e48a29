#!/usr/bin/python3
"""make_corpus.py - writes the seed corpora of the fuzz targets.

  /usr/bin/python3 tests/fuzz/make_corpus.py [EXTRACT.jsonl]   (from the source root)

EXTRACT.jsonl, the output of `newsgraph extract data/seeds`, seeds the
jsonl_extract target with real records.

Seeds are the sample articles (data/seeds) plus hand-made edge cases:
invalid UTF-8, BOMs, UTF-16, CRLF, NUL bytes, unterminated quotes, nested
HTML, malformed JSON. The files are committed; rerun this after changing
it (it rewrites only the files it names, so inputs that a long libFuzzer
run added to corpus/<target>/ stay).
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "fuzz", "corpus")
SEEDS = sorted(os.path.join(ROOT, "data", "seeds", f)
               for f in os.listdir(os.path.join(ROOT, "data", "seeds")))


def seed(i):
    with open(SEEDS[i], "rb") as f:
        return f.read()


def write(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def text_cases(target):
    for i in range(len(SEEDS)):
        write(target, "seed_%03d.txt" % i, seed(i))
    s4 = seed(4)
    write(target, "empty", b"")
    write(target, "whitespace_only", b" \t\n\r\n  \n")
    write(target, "bom_utf8", b"\xef\xbb\xbf" + s4)
    write(target, "utf16le_bom", b"\xff\xfe" + s4.decode().encode("utf-16-le"))
    write(target, "utf16be_bom", b"\xfe\xff" + s4.decode().encode("utf-16-be"))
    write(target, "utf16le_no_bom", s4.decode()[:400].encode("utf-16-le"))
    write(target, "utf16le_odd_length", b"\xff\xfe" + "Kyiv said".encode("utf-16-le") + b"\x00")
    write(target, "utf16le_lone_surrogate", b"\xff\xfe" + "A".encode("utf-16-le") + b"\x00\xd8B\x00")
    write(target, "utf32le_bom", b"\xff\xfe\x00\x00" + "Kyiv said.".encode("utf-32-le"))
    write(target, "crlf", seed(0).replace(b"\n", b"\r\n"))
    write(target, "cr_only", seed(1).replace(b"\n", b"\r"))
    s3 = bytearray(seed(3))
    for k in (0, 17, 200, 201, 202, len(s3) // 2, len(s3) - 1):
        s3[k] = 0
    write(target, "nul_bytes", bytes(s3))
    write(target, "invalid_utf8",
          b"Kremlin spokesman Dmitry Peskov \x80said\xc0\xaf \"We \xed\xa0\x80cannot\xf4\x90\x80\x80"
          b" comment\xfe,\" he told \xc3reporters.\n\nZelensky said \xe2\x82")
    write(target, "overlong_and_truncated", b"\xc1\xbf\xe0\x80\xaf\xf0\x80\x80\xaf\xf8\x88\x80\x80\x80\xe2\x80")
    write(target, "front_matter",
          "---\ntitle: Kremlin Declines to Comment\ndate: 2025-01-13\nauthor: AFP\n---\n\n"
          "The Kremlin said Monday it could not comment, spokesman Dmitry Peskov told reporters.\n")
    write(target, "date_invalid", "date 2025-02-30\n\ndate: 9999-99-99\nKYIV, Jan 13 (Reuters) - Zelensky said.\n")
    write(target, "dateline", "MOSCOW, January 13, 2025 (AFP) — The Kremlin said on Monday it had no comment.\n")
    write(target, "furniture",
          "Support The Moscow Times!\nContribute today\n\nRead more\n\nPutin Meets Kim\n\n3 Min read\n\n"
          "By AFP; Edited by Mike Firn\nPhoto: kremlin.ru\n\nSign up for our newsletter to get the briefing in your inbox.\n"
          "Dear readers,\nWe need your support. Please consider donating.\nDonate now\nRemind me later.\n\n"
          "The Kremlin said on Monday that it could not comment.\n")
    write(target, "unterminated_quote", "Peskov said: \"We cannot comment on that,\n\nand then nothing closed it. \u201cAnd this one neither\n")
    write(target, "long_word", "A" * 20000 + "\n" + "b" * 5000 + ". Peskov said.\n")
    write(target, "many_lines", "\n" * 3000 + "Zelensky said.\n" + "\r\n" * 1000)
    write(target, "paragraph_over_4k", ("Support " * 700) + "today!\n")


def html_cases():
    t = "html"
    for i in range(len(SEEDS)):
        paras = [p for p in seed(i).decode("utf-8").split("\n") if p.strip()]
        body = "\n".join("<p>%s</p>" % p.replace("&", "&amp;").replace("<", "&lt;") for p in paras[1:])
        write(t, "seed_%03d.html" % i,
              "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s</title></head>"
              "<body><article>%s</article></body></html>\n" % (paras[0], body))
    write(t, "empty", b"")
    write(t, "lt_only", b"<")
    write(t, "unclosed_html", b"<html")
    write(t, "text_only", "Kremlin spokesman Dmitry Peskov said \u201cno comment.\u201d\n")
    write(t, "nested_divs", "<div>" * 800 + "Peskov said." + "</div>" * 10)
    write(t, "nested_inline", "<p>" + "<b><i><span>" * 250 + "deep text" + "\n")
    write(t, "unclosed_tags",
          "<html><head><title>Kim meets Putin<body><p>First <b>bold <i>both</p><p>Second<table><tr><td>cell"
          "<p>Zelensky said \"we are ready\"<div><ul><li>one<li>two</ul></td></tr>")
    write(t, "script_style_comments",
          "<html><head><style>p{color:red}</style><script>var s = \"</p>said Peskov\";</script></head>"
          "<body><!-- a comment with <p>tags</p> --><noscript><p>Enable JS</p></noscript>"
          "<p>Peskov said nothing.</p><!-- unterminated comment <p>hidden")
    write(t, "entities",
          "<p>&#0; &#x110000; &#xD800; &#55296; &nbsp;&amp;amp; &unknown; &lt;p&gt; &#x1F600; &#99999999999; "
          "&quot;Quoted,&quot; said Peskov. &ldquo;Curly&rdquo; &laquo;guillemets&raquo;</p>")
    write(t, "foreign_content",
          "<p>Before</p><svg><text>In SVG</text><foreignObject><p>Inside foreign</p></foreignObject></svg>"
          "<math><mi>x</mi></math><![CDATA[ not cdata in html ]]><p>After</p>")
    write(t, "furniture_classes",
          "<html><body><nav>Home | World</nav><header>Menu</header><aside class=\"newsletter\">Sign up</aside>"
          "<div class=\"related\"><a href=x>Read more</a></div><article><h1>Kim meets Putin</h1>"
          "<p class=\"byline\">By AFP</p><figure><img alt=x><figcaption>Photo: kremlin.ru</figcaption></figure>"
          "<p>The Kremlin said on Monday it could not comment.</p></article><footer>&copy; 2025</footer></body></html>")
    write(t, "charset_latin1", b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 \x93quoted\x94 said Peskov</p></body></html>")
    write(t, "bom_utf8", b"\xef\xbb\xbf<html><body><p>Peskov said.</p></body></html>")
    write(t, "utf16le_bom", b"\xff\xfe" + "<html><body><p>Peskov said.</p></body></html>".encode("utf-16-le"))
    write(t, "nul_in_html", b"<html><body><p>Pes\x00kov said.</p>\x00<p\x00>x</p></body></html>")
    write(t, "invalid_utf8", b"<html><title>\xff\xfeKremlin</title><body><p>Peskov \xc3 said \xed\xa0\x80.</p></body></html>")
    write(t, "attributes_malformed", "<p class=\"unterminated>text<p id='x\" onclick=>Zelensky said<a href=\"&#0;\">link</a>")
    write(t, "pre_and_br", "<pre>line one\n  line two\r\n</pre><p>a<br>b<br/>c<wbr>d</p><textarea><p>raw</p></textarea>")
    write(t, "template_iframe", "<template><p>in template</p></template><iframe srcdoc=\"<p>inner</p>\"></iframe><p>out</p>")
    write(t, "title_only", "<title>" + "Long title " * 500 + "</title>")
    write(t, "date_meta", "<html><head><meta property=\"article:published_time\" content=\"2025-01-13T10:00:00Z\">"
          "<time datetime=\"2025-13-45\">x</time></head><body><p>MOSCOW, Jan. 13 - Peskov said.</p></body></html>")


def extract_cases():
    t = "extract"
    text_cases_subset = [
        ("quotes_mixed",
         "\u201cWe cannot comment,\u201d Kremlin spokesman Dmitry Peskov told reporters on Monday.\n\n"
         "\"It's 'complicated',\" he said, adding: \u2018Nothing more.\u2019\n\n"
         "\u00abNous refusons\u00bb, a d\u00e9clar\u00e9 Macron. \u201eGerman quotes\u201c, sagte Scholz.\n"),
        ("quote_over_paragraphs",
         "\"The first paragraph of a long quote\n\n\"continues here without closing,\" said Zelensky.\n"),
        ("unterminated_quotes", "\"Open \"open \u201copen said Putin \u201d\u201d\u201d close\" \" \" \"\n"),
        ("inverted_attribution",
         "\"We are ready to exchange them,\" said Ukrainian President Volodymyr Zelensky on Saturday.\n"
         "Said Peskov: \"No.\" According to the Kremlin, nothing happened. Citing sources, Reuters reported that Kim agreed.\n"),
        ("reported_speech",
         "Peskov told reporters that the Kremlin could not comment on Zelensky's claim. "
         "Zelensky, in a post on X, said that the soldiers had been brought to Kyiv. "
         "He added that they were receiving medical assistance, the president wrote.\n"),
        ("descriptors_pronouns",
         "The Kremlin spokesman declined to comment. He said she told them it was theirs. "
         "The Ukrainian president said he was ready. The North Korean leader said nothing. "
         "They said it. It said so. We said. I said.\n"),
        ("capitals_run", " ".join("Capital%d" % k for k in range(300)) + " said. " +
         "NORTH KOREAN TROOPS IN KURSK SAID NOTHING\n" + "NATO UN EU SBU AFP U.S. UK G7 said.\n"),
        ("abbreviations",
         "Gen. Valery Gerasimov, Mr. Peskov and Dr. Smith met in Washington, D.C. on Jan. 13 at 3 p.m. "
         "U.S. Sen. J. R. R. Tolkien Jr. said 3.5 percent. St. Petersburg was fine. Lt. Col. A. B. Cee said.\n"),
        ("possessives", "Putin's spokesman said Zelensky\u2019s claim was Kim Jong Un's problem. "
                        "The Kremlin's 's ' s\u2019s \u2019 said.\n"),
        ("punctuation_soup", ".,;:!?\u2014\u2013-\"'\u201c\u201d()[]{}... \u2026 !!! ??? \"\" \u201c\u201d\n" * 20),
        ("cue_only", "said told added wrote claimed declined to comment according to citing\n"),
        ("one_sentence_many_names",
         "Zelensky, Putin, Kim, Peskov, Biden, Trump, Macron, Scholz, Erdogan and Xi said \"yes\" to NATO.\n"),
    ]
    for name, body in text_cases_subset:
        write(t, name + ".txt", body)


def graph_json_cases():
    t = "graph_json"
    valid = {
        "format": "newsgraph", "version": 1,
        "documents": [{"id": "data/seeds/000.txt", "date": "2025-01-13", "title": "Kremlin Declines"},
                      {"id": "data/seeds/001.txt", "date": None, "title": None}],
        "nodes": [
            {"id": "volodymyr-zelensky", "label": "Volodymyr Zelensky", "type": "person",
             "aliases": ["Zelensky", "Zelenskyy"], "mentions": 14, "documents": ["data/seeds/000.txt"]},
            {"id": "kim-jong-un", "label": "Kim Jong Un", "type": "person", "aliases": [],
             "mentions": 3, "documents": ["data/seeds/001.txt"]},
            {"id": "dmitry-peskov", "label": "Dmitry Peskov", "type": "person", "aliases": ["Peskov"],
             "mentions": 4, "documents": ["data/seeds/000.txt"]},
            {"id": "kremlin", "label": "Kremlin", "type": "organization", "aliases": [],
             "mentions": 2, "documents": ["data/seeds/000.txt"]},
            {"id": "kursk", "label": "Kursk", "type": "place", "aliases": [], "mentions": 1,
             "documents": ["data/seeds/000.txt"]}],
        "edges": [
            {"source": "volodymyr-zelensky", "target": "kim-jong-un", "relation": "said", "weight": 3,
             "evidence": [{"document": "data/seeds/001.txt", "cue": "wrote", "quote": "Ukraine is ready \u201cto\u201d",
                           "start": 10, "end": 90}]},
            {"source": "dmitry-peskov", "target": "volodymyr-zelensky", "relation": "declined_to_comment",
             "weight": 1, "evidence": [{"document": "data/seeds/000.txt", "cue": "told", "quote": "We cannot comment",
                                        "start": 901, "end": 990, "direct": True}]},
            {"source": "kremlin", "target": "kursk", "relation": "said", "weight": 0.5, "evidence": []},
            {"source": "kursk", "target": "kremlin", "relation": "said", "weight": 2, "evidence": []}]}
    text = json.dumps(valid, indent=2, ensure_ascii=False)
    write(t, "valid.json", text)
    write(t, "valid_compact.json", json.dumps(valid, separators=(",", ":")))
    write(t, "empty_graph.json", '{"format": "newsgraph", "version": 1, "documents": [], "nodes": [], "edges": []}')
    write(t, "truncated.json", text[: len(text) // 2])
    write(t, "empty", "")
    write(t, "null", "null")
    write(t, "not_json", "graph.dot is not json {")
    write(t, "array_top", "[1, 2, 3]")
    write(t, "bom.json", b"\xef\xbb\xbf" + text.encode())

    def variant(name, f):
        g = json.loads(text)
        f(g)
        write(t, name + ".json", json.dumps(g, ensure_ascii=False))

    variant("edge_unknown_node", lambda g: g["edges"][0].update(target="nobody"))
    variant("duplicate_node", lambda g: g["nodes"].append(dict(g["nodes"][0])))
    variant("duplicate_edge", lambda g: g["edges"].append(dict(g["edges"][0])))
    variant("self_loop", lambda g: g["edges"].append({"source": "kursk", "target": "kursk", "relation": "said", "weight": 1}))
    variant("nodes_object", lambda g: g.update(nodes={}))
    variant("edges_missing", lambda g: g.pop("edges"))
    variant("nodes_missing", lambda g: g.pop("nodes"))
    variant("weight_string", lambda g: g["edges"][0].update(weight="3"))
    variant("weight_negative", lambda g: g["edges"][0].update(weight=-2))
    variant("weight_zero", lambda g: g["edges"][0].update(weight=0))
    variant("id_number", lambda g: g["nodes"][0].update(id=12))
    variant("id_empty", lambda g: g["nodes"][0].update(id=""))
    variant("label_null", lambda g: g["nodes"][1].update(label=None))
    variant("type_missing", lambda g: g["nodes"][1].pop("type"))
    variant("mentions_negative", lambda g: g["nodes"][1].update(mentions=-1))
    variant("mentions_huge", lambda g: g["nodes"][1].update(mentions=4294967296))
    variant("aliases_mixed", lambda g: g["nodes"][1].update(aliases=["Kim", 3, None, "Kim", "Kim Jong Un"]))
    variant("evidence_bad_span", lambda g: g["edges"][0]["evidence"][0].update(start=90, end=10))
    variant("evidence_negative_span", lambda g: g["edges"][0]["evidence"][0].update(start=-5, end=1e20))
    variant("version_2", lambda g: g.update(version=2))
    variant("format_other", lambda g: g.update(format="gexf"))
    variant("extra_keys", lambda g: g.update(stats={"x": [1, {"y": None}]}, nodes=g["nodes"] + [{"id": "x", "label": "X", "type": "event", "extra": True}]))
    big = text.replace('"weight": 3', '"weight": 1e999')
    write(t, "weight_inf.json", big)
    write(t, "weight_nan.json", text.replace('"weight": 3', '"weight": NaN'))
    write(t, "escapes.json", text.replace('"Kim Jong Un"', '"Kim\\u0000Jong\\ud800Un\\uDC00\\\\\\"\\/\\b\\f\\n\\r\\t\\u00e9"'))
    write(t, "invalid_utf8.json", text.encode().replace(b"Kursk", b"Kur\xffsk\xc3"))
    write(t, "deep_array.json", '{"format": "newsgraph", "version": 1, "nodes": ' + "[" * 5000 + "]" * 5000 + "}")
    write(t, "deep_object.json", '{"a":' * 3000 + "1" + "}" * 3000)
    write(t, "trailing_garbage.json", text + "\n{}garbage")
    write(t, "duplicate_keys.json", '{"format": "newsgraph", "version": 1, "nodes": [], "nodes": [{"id": "a", "label": "A", "type": "person"}], "edges": []}')


def jsonl_docs_cases():
    t = "jsonl_docs"
    recs = []
    for i in range(len(SEEDS)):
        text = seed(i).decode("utf-8")
        rec = {"id": "seeds/%03d.txt" % i, "date": "2025-01-%02d" % (13 + i), "text": text}
        recs.append(json.dumps(rec, ensure_ascii=(i % 2 == 0)))
        write(t, "seed_%03d.jsonl" % i, recs[-1] + "\n")
    write(t, "all_seeds.jsonl", "\n".join(recs) + "\n")
    write(t, "crlf.jsonl", "\r\n".join(recs[:2]) + "\r\n")
    write(t, "no_final_newline.jsonl", recs[4])
    write(t, "bom.jsonl", b"\xef\xbb\xbf" + recs[3].encode() + b"\n")
    write(t, "html_record.jsonl", json.dumps({"id": "a.html", "html": True, "title": "T",
          "text": "<html><title>Kim</title><body><p>Peskov said \"no\".</p></body></html>"}) + "\n")
    write(t, "bad_lines.jsonl", "\n".join([
        "not json", "{}", '{"text": 3}', '{"text": null}', '{"id": 5, "text": "Peskov said."}',
        '{"text": "x", "date": "2025-13-45"}', '{"text": "x", "date": 20250113}',
        '{"text": "a\\u0000b\\ud800c\\udc00", "id": "\\u0000"}', '{"text": ""}', "   ", "",
        '[{"text": "in an array"}]', '{"text": "unterminated', '{"text": "x"} trailing',
        '{"text": "dup", "text": "licate"}', '{"text": "' + "Capital " * 2000 + '"}',
        '{"text": "deep", "x": ' + "[" * 2000 + "]" * 2000 + "}",
    ]) + "\n")
    write(t, "empty", "")
    write(t, "invalid_utf8.jsonl", b'{"id": "x", "text": "Pes\xffkov \xc3said\xed\xa0\x80."}\n')


def jsonl_extract_cases(extract_output):
    t = "jsonl_extract"
    lines = []
    if extract_output:
        with open(extract_output, encoding="utf-8") as f:
            lines = [l for l in f.read().split("\n") if l.strip()]
        write(t, "seeds_extract.jsonl", "\n".join(lines) + "\n")
        for i, l in enumerate(lines):
            write(t, "seed_%03d.jsonl" % i, l + "\n")
    base = {"document": "a.txt", "date": "2025-01-13", "title": "T",
            "locals": [{"type": "person", "name": "Dmitry Peskov", "surname": "Peskov", "given": "Dmitry",
                        "aliases": ["Peskov"], "mentions": 2, "role": "spokesman", "country": "Russia"},
                       {"type": "organization", "name": "Kremlin", "acronym": None},
                       {"type": "place", "name": "Ukraine"}],
            "entities": [{"id": "dmitry-peskov", "type": "person", "kind": "name", "start": 0, "end": 13,
                          "text": "Dmitry Peskov", "local": 0},
                         {"id": "kremlin", "type": "organization", "start": 20, "end": 27, "local": 1},
                         {"id": "ukraine", "type": "place", "kind": "demonym", "start": 30, "end": 39, "local": 2}],
            "statements": [{"speaker": "dmitry-peskov", "speaker_local": 0, "cue": "told", "relation": "said",
                            "direct": True, "quote": "We cannot comment", "quote_start": 40, "quote_end": 57,
                            "about": ["ukraine"], "about_local": [2], "source_local": 1}]}
    write(t, "hand_made.jsonl", json.dumps(base) + "\n")

    def variant(name, f):
        g = json.loads(json.dumps(base))
        f(g)
        write(t, name + ".jsonl", json.dumps(g) + "\n")

    variant("local_out_of_range", lambda g: g["entities"][0].update(local=99))
    variant("local_negative", lambda g: g["entities"][0].update(local=-7))
    variant("speaker_out_of_range", lambda g: g["statements"][0].update(speaker_local=3, source_local=1e300))
    variant("about_is_speaker", lambda g: g["statements"][0].update(about_local=[0, 0, 2, 2, -1, 3, "x"]))
    variant("offsets_reversed", lambda g: g["entities"][0].update(start=4000000000, end=-1))
    variant("offsets_huge", lambda g: g["statements"][0].update(quote_start=1e20, quote_end=4294967295))
    variant("type_unknown", lambda g: g["locals"][1].update(type="event"))
    variant("name_missing", lambda g: g["locals"][1].pop("name"))
    variant("locals_not_array", lambda g: g.update(locals={"0": 1}))
    variant("no_locals", lambda g: g.pop("locals"))
    variant("empty_names", lambda g: [l.update(name="", aliases=["", ""]) for l in g["locals"]])
    variant("same_names", lambda g: [l.update(name="Kim", type="person") for l in g["locals"]])
    variant("no_statements", lambda g: g.pop("statements"))
    variant("mentions_nan", lambda g: g["locals"][0].update(mentions=float("nan")))
    write(t, "two_docs_same_actor.jsonl", json.dumps(base) + "\n" + json.dumps(dict(base, document="b.txt")) + "\n")
    write(t, "not_json.jsonl", "{\"document\": \"a.txt\", \"locals\": [\n}\nnull\n[]\n\"str\"\n")
    write(t, "empty", "")


def main():
    text_cases("ingest")
    text_cases("extract")
    extract_cases()
    html_cases()
    graph_json_cases()
    jsonl_docs_cases()
    # optional: the output of `newsgraph extract data/seeds`, split into seeds
    jsonl_extract_cases(sys.argv[1] if len(sys.argv) > 1 else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
