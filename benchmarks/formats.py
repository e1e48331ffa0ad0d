"""The same gold documents in the formats users hand in: do they give the same rows?

The gold (tests/gold/corpus) was annotated on the corpus's own files. Users will hand in other provinces' and
cities' documents read from their original files: a web page, a plain text in GB18030 or Big5, traditional
characters, a data export (a CSV with a `full_text` column), the text of a PDF hard-wrapped with page numbers and
running headers, a PDF. This script writes variants of a few dev documents' texts into one temporary corpus per
variant, builds each (`envwh refresh C --data-dir D --allow-shrink`), and compares every variant's rows with the
rows of the original files built the same way:

- a row is (document, indicator or else subject, value, unit, kind, year, comparator) of marts.fct_targets and
  fct_outcomes (offsets move with the format, so they are not compared);
- kept: the same key, with the same region and is_environmental; changed: the same key with another region or
  flag, or a lost and a gained row of the same document, value and unit; lost / gained: the rest;
- headline: the gold's headline rows fully right (`envwh evaluate-corpus` scoring, on a copy of the gold whose
  doc_file names the variant's file: a mapping this script writes, the gold is not edited).

    .venv/bin/python -m benchmarks.formats                 # 8 dev text reports, every variant (~4 CPU min)
    .venv/bin/python -m benchmarks.formats --docs 3 --variants gb18030 html wrapped
    .venv/bin/python -m benchmarks.formats --show wrapped  # the lost/gained/changed rows of a variant
    .venv/bin/python -m benchmarks.formats --loader-only   # no build: all 41 dev text reports, raw measures

Variants: gb18030, big5 (after OpenCC s2tw), trad_utf8, html (a portal's clutter around the body), html_gbk (the
same declared GB2312), html_br (an older portal: layout table, body lines parted by <br>, GB2312), html_repeat (the
body twice: the article and its hidden copy for printing), csv (`full_text` export), csv_excel (the same saved by a
spreadsheet: GB18030, CRLF), json (a list of {title, url, source, publish_time, content}), wrapped (hard-wrapped at 38 characters, page numbers and a running header between pages), wrapped_wide (at 60),
trailing_space (every line ends in a space), crlf_wrapped (wrapped, Windows line ends, GB18030), pdf (drawn
with reportlab, wrapped to the page), html_named and pdf_named (html and pdf saved under a portal's name for the
page or the attachment, t20240201_4123456.html, P020240201574123456.pdf: no region in the file name), pdf_header (with the title as a running header), pdf_cut (the same, lines cut inside numbers too).
"""

from __future__ import annotations

import argparse
import csv
import html as html_lib
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "data" / "corpus"
GOLD = REPO / "tests" / "gold" / "corpus"
TEXT_BATCHES = ("city_reports", "province_reports")
VARIANTS = ("gb18030", "big5", "trad_utf8", "html", "html_gbk", "html_br", "html_repeat", "csv", "csv_excel", "json",
            "wrapped", "wrapped_wide", "trailing_space", "crlf_wrapped", "pdf", "pdf_header", "pdf_cut", "html_named", "pdf_named")
# saved under the name the portal gives the page or the attachment, in a folder of downloads (no region, kind or
# year in the path): the text alone tells them
PORTAL_NAMES = {"html_named": "t20240201_{n}", "pdf_named": "P02024020157{n}"}
WRAP = 38  # characters a line of a PDF's text, as publishers' PDFs of reports hold
PAGE_LINES = 36  # lines a page


# --- the documents ---------------------------------------------------------------------------------------


def gold_documents(batches=TEXT_BATCHES) -> list[dict]:
    """Dev documents of the text batches (doc_file, region_zh, coverage, batch)."""
    out = []
    for batch in batches:
        with open(GOLD / batch / "documents.csv", encoding="utf-8") as fh:
            out += [{**r, "batch": batch} for r in csv.DictReader(fh) if r["set"] == "dev" and r.get("coverage")]
    return out


def pick(docs: list[dict], n: int, seed: int) -> list[dict]:
    """n documents, city and provincial reports in turn (the same draw for the same seed)."""
    rng = random.Random(seed)
    by_batch: dict[str, list[dict]] = {}
    for d in sorted(docs, key=lambda d: d["doc_file"]):
        by_batch.setdefault(d["batch"], []).append(d)
    for group in by_batch.values():
        rng.shuffle(group)
    out, groups = [], list(by_batch.values())
    while len(out) < n and any(groups):
        for g in groups:
            if g and len(out) < n:
                out.append(g.pop())
    return out


# --- the variants ----------------------------------------------------------------------------------------


def _s2t(text: str, config: str = "s2t") -> str:
    from opencc import OpenCC

    return OpenCC(config).convert(text)


def _width(ch: str) -> float:
    return 1.0 if ord(ch) > 0x2E80 else 0.5


_ASCII_RUN = re.compile(r"[!-~]+|.", re.S)  # a run of ASCII (2023, PM2.5, 12.5%) or one other character


def hard_wrap(text: str, width: float = WRAP, cut_words: bool = False) -> list[str]:
    """Each paragraph cut into lines of `width` (a Chinese character 1, an ASCII one 1/2), as a PDF's text is.

    Office software breaks a line between any two Chinese characters but not inside a run of ASCII (a number,
    PM2.5): the corpus's 31 PDFs hold no number cut by a line break. cut_words=True cuts anywhere."""
    out = []
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        line, w = "", 0.0
        for piece in (para if cut_words else _ASCII_RUN.findall(para)):
            pw = sum(_width(ch) for ch in piece)
            if line and w + pw > width:
                out.append(line)
                line, w = "", 0.0
            line += piece
            w += pw
        if line:
            out.append(line)
    return out


def paged(lines: list[str], title: str, per_page: int = PAGE_LINES) -> list[str]:
    """Lines with a page number at each page's foot and the running header (the title) at the next one's top."""
    out = []
    for n, start in enumerate(range(0, len(lines), per_page), start=1):
        if n > 1:
            out.append(title)
        out += lines[start : start + per_page]
        out.append(f"— {n} —")
    return out


def _title(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if line.strip()), "")[:40]


_PORTAL = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}_{portal}</title>
<meta name="keywords" content="{portal},政府工作报告"><link rel="stylesheet" href="/css/main.css">
<script>var _hmt = _hmt || [];</script></head>
<body>
<div class="top-bar"><a href="/">{portal}</a> | <a href="/en/">English</a> | <a href="/wza/">无障碍</a> | <a href="/old/">长者模式</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>
<li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxx/">走进{short}</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfgzbg/">政府工作报告</a></div>
<div class="article">
<h1 class="title">{title}</h1>
<div class="info">发布时间：2024-02-01&nbsp;&nbsp;来源：{portal}办公室&nbsp;&nbsp;浏览次数：1234&nbsp;&nbsp;字号：<a>大</a> <a>中</a> <a>小</a></div>
<div class="content" id="zoom">
{body}
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="footer"><p>主办：{portal}办公室&nbsp;&nbsp;承办：{portal}大数据中心</p>
<p>网站标识码：1234567890&nbsp;&nbsp;ICP备案号：京ICP备12345678号-1&nbsp;&nbsp;公网安备 11010202000001号</p></div>
</body></html>
"""


def as_html(text: str, region: str) -> str:
    body = "\n".join(f'<p style="text-indent:2em;">&nbsp;&nbsp;{html_lib.escape(line.strip())}</p>'
                     for line in text.split("\n") if line.strip())
    portal = f"{region}人民政府"
    return _PORTAL.format(title=html_lib.escape(_title(text)), portal=portal, short=region[:2], body=body)


_OLD_PORTAL = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}</title></head><body>
<table width="980" align="center"><tr><td><a href="/">网站首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a></td></tr>
<tr><td class="position">您现在的位置：首页 &gt;&gt; 政务公开 &gt;&gt; 工作报告</td></tr>
<tr><td align="center"><font size="5"><b>{title}</b></font></td></tr>
<tr><td align="center">{portal}&nbsp;&nbsp;&nbsp;2024年02月01日&nbsp;&nbsp;【字体：<a>大</a> <a>中</a> <a>小</a>】</td></tr>
<tr><td class="content"><span style="font-size:16px;font-family:仿宋_GB2312">{body}</span></td></tr>
<tr><td align="center"><a href="#">【打印此页】</a> <a href="#">【关闭窗口】</a></td></tr>
</table>
<table width="980" align="center"><tr><td align="center">版权所有：{portal} 地址：人民路1号 邮编：100000 技术支持：信息中心</td></tr></table>
</body></html>
"""


def as_old_html(text: str, region: str) -> str:
    """An older portal's page: a layout table, the body one <span> of lines parted by <br> and indented with
    &nbsp;, GB2312 declared."""
    body = "<br>\n".join(f"&nbsp;&nbsp;&nbsp;&nbsp;{html_lib.escape(line.strip())}"
                         for line in text.split("\n") if line.strip())
    portal = f"{region}人民政府"
    return _OLD_PORTAL.format(title=html_lib.escape(_title(text)), portal=portal, body=body)


def as_html_repeated(text: str, region: str) -> str:
    """The portal's page holding the body twice: the article, then its copy for printing."""
    page = as_html(text, region)
    body = "\n".join(f"<p>{html_lib.escape(line.strip())}</p>" for line in text.split("\n") if line.strip())
    return page.replace('<div class="share">', f'<div class="article-print" style="display:none">{body}</div>\n'
                        '<div class="share">', 1)


def as_json(text: str, region: str, name: str) -> str:
    return json.dumps([{"title": _title(text), "url": f"https://www.example.gov.cn/{name}.html", "source": f"{region}人民政府",
                        "publish_time": "2024-02-01 09:30:00", "content": text}], ensure_ascii=False, indent=1)


def as_csv(text: str, region: str, name: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "title", "publish_date", "source", "url", "full_text"])
    writer.writerow([1, _title(text), "2024-02-01", f"{region}人民政府", f"https://www.example.gov.cn/{name}.html", text])
    return out.getvalue()


def as_pdf(text: str, cut_words: bool = False, header: bool = False) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, height = A4
    left, pitch, size = 60, 20, 12
    lines = hard_wrap(text, (width - 2 * left) / size, cut_words)
    per_page = int((height - 140) // pitch)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setTitle(_title(text))
    for n, start in enumerate(range(0, len(lines), per_page), start=1):
        if header and n > 1:  # the title as a running header above a rule, from the second page on
            c.setFont(font, 9)
            c.drawCentredString(width / 2, height - 45, _title(text))
            c.line(left, height - 50, width - left, height - 50)
        c.setFont(font, size)
        y = height - 80
        for line in lines[start : start + per_page]:
            c.drawString(left, y, line)
            y -= pitch
        c.drawCentredString(width / 2, 30, f"— {n} —")
        c.showPage()
    c.save()
    return buf.getvalue()


def variant(name: str, text: str, region: str, stem: str) -> tuple[str, bytes]:
    """(file suffix, bytes) of one variant of a document's text."""
    if name == "original":
        return ".txt", text.encode("utf-8")
    if name == "gb18030":
        return ".txt", text.encode("gb18030")
    if name == "big5":
        # a Big5 file holds Taiwan's standard forms (為, 群, 著): OpenCC s2t's 爲/羣/着 are not in Big5
        return ".txt", _s2t(text, "s2tw").encode("big5", errors="replace")
    if name == "trad_utf8":
        return ".txt", _s2t(text).encode("utf-8")
    if name == "html":
        return ".html", as_html(text, region).encode("utf-8")
    if name == "html_gbk":
        html = as_html(text, region).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" '
                                              'content="text/html; charset=gb2312">')
        return ".htm", html.encode("gb18030")
    if name == "html_br":
        return ".html", as_old_html(text, region).encode("gb18030")
    if name == "html_repeat":
        return ".html", as_html_repeated(text, region).encode("utf-8")
    if name == "csv":
        return ".csv", as_csv(text, region, stem).encode("utf-8")
    if name == "csv_excel":  # saved by a spreadsheet in China: GB18030 bytes, CRLF, no BOM
        return ".csv", as_csv(text, region, stem).replace("\r\n", "\n").replace("\n", "\r\n").encode("gb18030")
    if name == "json":
        return ".json", as_json(text, region, stem).encode("utf-8")
    if name == "wrapped":
        return ".txt", "\n".join(paged(hard_wrap(text), _title(text))).encode("utf-8")
    if name == "wrapped_wide":  # a wide page or a small font: 60 a line
        return ".txt", "\n".join(paged(hard_wrap(text, 60), _title(text))).encode("utf-8")
    if name == "crlf_wrapped":
        return ".txt", "\r\n".join(paged(hard_wrap(text), _title(text))).encode("gb18030")
    if name == "trailing_space":
        return ".txt", "".join(line + " \n" for line in text.split("\n")).encode("utf-8")
    if name == "pdf":
        return ".pdf", as_pdf(text)
    if name == "pdf_header":
        return ".pdf", as_pdf(text, header=True)
    if name == "pdf_cut":
        return ".pdf", as_pdf(text, cut_words=True)
    raise ValueError(name)


# --- building and comparing ------------------------------------------------------------------------------


def write_corpus(work: Path, name: str, docs: list[dict]) -> dict[str, str]:
    """The variant's corpus folder; returns gold doc_file -> the variant's file."""
    folder = work / name / "corpus"
    shutil.rmtree(folder, ignore_errors=True)
    mapping = {}
    for d in docs:
        src = Path(d["doc_file"])
        text = (CORPUS / src).read_bytes().decode("utf-8")
        suffix, data = variant(name.removesuffix("_named"), text, d["region_zh"], src.stem)
        target = src.with_suffix(suffix)
        if name in PORTAL_NAMES:
            n = 4000000 + sum(map(ord, src.stem)) * 7 % 1000000
            target = Path("inbox") / (PORTAL_NAMES[name].format(n=n) + suffix)  # nor a year in the folder's name
        (folder / target).parent.mkdir(parents=True, exist_ok=True)
        (folder / target).write_bytes(data)
        mapping[d["doc_file"]] = str(target)
    return mapping


def build(work: Path, name: str) -> float:
    """envwh refresh of the variant's corpus; CPU seconds of the children."""
    data = work / name / "data"
    shutil.rmtree(data, ignore_errors=True)
    before = _child_cpu()
    # the envwh of this interpreter, importing the loaders of the tree this script is in (PYTHONPATH)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run([str(Path(sys.executable).parent / "envwh"), "refresh", str(work / name / "corpus"),
                           "--data-dir", str(data), "--allow-shrink"], cwd=REPO, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
        raise SystemExit(f"{name}: envwh refresh failed ({proc.returncode})")
    return _child_cpu() - before


def _child_cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def rows(warehouse: Path, files: dict[str, str]) -> dict[str, list[tuple]]:
    """gold doc_file -> its rows (key..., region, is_environmental, subject) in the variant's warehouse."""
    import duckdb

    back = {v: k for k, v in files.items()}
    con = duckdb.connect(str(warehouse), read_only=True)
    out: dict[str, list[tuple]] = {d: [] for d in files}
    try:
        for kind, table in (("target", "fct_targets"), ("outcome", "fct_outcomes")):
            for r in con.execute(f"""
                select f.source_file, coalesce(f.indicator_code, f.subject_zh), f.value, f.unit, '{kind}', f.year,
                       f.comparator, r.region_name_zh, f.is_environmental, f.subject_zh
                from marts.{table} f left join marts.dim_region r on r.region_code = f.region_code""").fetchall():
                if r[0] in back:
                    out[back[r[0]]].append((r[1], None if r[2] is None else round(r[2], 6), *r[3:7], r[7], r[8], r[9]))
    finally:
        con.close()
    return out


def compare(orig: list[tuple], var: list[tuple]) -> dict[str, list]:
    """kept / changed / lost / gained rows of one document (see the module's docstring)."""
    a, b = Counter(r[:6] for r in orig), Counter(r[:6] for r in var)
    by_key_a = {r[:6]: r for r in orig}
    by_key_b = {r[:6]: r for r in var}
    out: dict[str, list] = {"kept": [], "changed": [], "lost": [], "gained": []}
    for key in a & b:
        n = (a & b)[key]
        same = by_key_a[key][6:8] == by_key_b[key][6:8]
        out["kept" if same else "changed"] += [(by_key_a[key], by_key_b[key])] * n
    lost = [by_key_a[k] for k, n in (a - b).items() for _ in range(n)]
    gained = [by_key_b[k] for k, n in (b - a).items() for _ in range(n)]
    for r in list(lost):
        twin = next((g for g in gained if g[1:3] == r[1:3]), None)
        if twin is not None:
            lost.remove(r)
            gained.remove(twin)
            out["changed"].append((r, twin))
    out["lost"], out["gained"] = lost, gained
    return out


def headline(work: Path, name: str, docs: list[dict], files: dict[str, str]) -> tuple[int, int]:
    """(fully right, gold) headline rows of the documents, scored on a copy of their gold naming the variant's files."""
    from loaders.evaluate_corpus import run

    gold = work / name / "gold"
    shutil.rmtree(gold, ignore_errors=True)
    for batch in {d["batch"] for d in docs}:
        (gold / batch).mkdir(parents=True)
        for table in ("documents", "measures", "links"):
            src = GOLD / batch / f"{table}.csv"
            if not src.exists():
                continue
            with open(src, encoding="utf-8") as fh:
                reader = csv.DictReader(fh)
                fields = reader.fieldnames or []
                kept = []
                for r in reader:
                    doc_keys = [k for k in fields if k in ("doc_file", "target_doc", "outcome_doc")]
                    if all(r[k] in files for k in doc_keys):
                        kept.append({**r, **{k: files[r[k]] for k in doc_keys}})
            with open(gold / batch / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=fields)
                writer.writeheader()
                writer.writerows(kept)
    result = run(work / name / "corpus", gold, work / name / "data" / "warehouse.duckdb", "dev")
    h = result["dev"]["headline"]
    return h["fully_right"], h["gold"]


_LOADER_KEY = ("subject_zh", "value", "unit", "kind", "year", "comparator")
_LOADER_ATTRS = ("is_environmental", "period", "sub_area")
_DOCUMENT_ATTRS = ("region_code", "year", "doc_kind", "county_code")


def loader_screen(docs: list[dict], variants: list[str], show: bool) -> None:
    """The loader alone (no build: a few CPU seconds a document): each variant's raw measures against the
    original file's, keyed by subject, value, unit, kind, year and comparator (no indicator: dbt assigns it),
    and the document's region, year and kind. Many documents, quickly; the builds tell the marts' rows."""
    from loaders.pipeline import process_document

    totals: dict[str, Counter] = {v: Counter() for v in variants}
    for d in docs:
        text = (CORPUS / d["doc_file"]).read_bytes().decode("utf-8")
        base = process_document(text.encode("utf-8"), d["doc_file"])
        base_rows = [tuple(m[k] for k in _LOADER_KEY + _LOADER_ATTRS) for m in base.measures]
        for v in variants:
            suffix, data = variant(v.removesuffix("_named"), text, d["region_zh"], Path(d["doc_file"]).stem)
            name = f"inbox/t20240201_1{suffix}" if v in PORTAL_NAMES else str(Path(d["doc_file"]).with_suffix(suffix))
            got = process_document(data, name)
            rows = [tuple(m[k] for k in _LOADER_KEY + _LOADER_ATTRS) for m in got.measures]
            doc_same = bool(got.document) and all(got.document[k] == base.document[k] for k in _DOCUMENT_ATTRS)
            c = compare([r[:6] + (r[6:], "", "") for r in base_rows], [r[:6] + (r[6:], "", "") for r in rows])
            totals[v].update({k: len(x) for k, x in c.items()})
            totals[v]["documents"] += 1
            totals[v]["document_differs"] += not doc_same
            if show and (not doc_same or c["lost"] or c["gained"] or c["changed"]):
                if not doc_same:
                    print(f"    {v}: {d['doc_file']}: document", {k: ((got.document or {}).get(k), base.document[k])
                                                                  for k in _DOCUMENT_ATTRS})
                for what in ("changed", "lost", "gained"):
                    for r in c[what]:
                        print(f"    {v}: {d['doc_file']}: {what} {r}")
    for v, t in totals.items():
        print(f"{v:15} documents {t['documents']:3} (region/year/kind differ {t['document_differs']})  kept {t['kept']:5}  "
              f"changed {t['changed']:4}  lost {t['lost']:4}  gained {t['gained']:4}", flush=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=8, help="dev text reports drawn (city and provincial in turn)")
    ap.add_argument("--seed", type=int, default=26)
    ap.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=VARIANTS)
    ap.add_argument("--work", type=Path, default=Path("/tmp/formats-bench"))
    ap.add_argument("--reuse", action="store_true", help="reuse the builds already in --work (only compare)")
    ap.add_argument("--show", nargs="*", default=None, help="print the lost/gained/changed rows of these variants")
    ap.add_argument("--json", type=Path, default=None, help="write the figures as JSON")
    ap.add_argument("--loader-only", action="store_true",
                    help="no build: every dev text report's raw measures (or --docs N of them), variant by variant")
    args = ap.parse_args(argv)
    if args.loader_only:
        every = gold_documents()
        chosen = every if "--docs" not in (argv or sys.argv) else pick(every, args.docs, args.seed)
        loader_screen(sorted(chosen, key=lambda d: d["doc_file"]), args.variants, args.show is not None)
        return

    docs = pick(gold_documents(), args.docs, args.seed)
    print("documents:", ", ".join(d["doc_file"] for d in docs))
    figures = {}
    base_rows = None
    for name in ["original", *args.variants]:
        t0 = time.time()
        files = write_corpus(args.work, name, docs)
        cpu = 0.0
        if not (args.reuse and (args.work / name / "data" / "warehouse.duckdb").exists()):
            cpu = build(args.work, name)
        got = rows(args.work / name / "data" / "warehouse.duckdb", files)
        right, total = headline(args.work, name, docs, files)
        if base_rows is None:
            base_rows = got
        counts = Counter()
        diffs = {}
        for d in docs:
            c = compare(base_rows[d["doc_file"]], got[d["doc_file"]])
            counts.update({k: len(v) for k, v in c.items()})
            diffs[d["doc_file"]] = c
        figures[name] = {"rows": sum(len(v) for v in got.values()), **{k: counts[k] for k in
                         ("kept", "changed", "lost", "gained")}, "headline_right": right, "headline": total,
                         "cpu_s": round(cpu, 1), "wall_s": round(time.time() - t0, 1)}
        f = figures[name]
        print(f"{name:15} rows {f['rows']:5}  kept {f['kept']:5}  changed {f['changed']:4}  lost {f['lost']:4}  "
              f"gained {f['gained']:4}  headline {right}/{total}  ({f['cpu_s']} CPU s, {f['wall_s']} s)", flush=True)
        if args.show is not None and (not args.show or name in args.show) and name != "original":
            for doc, c in diffs.items():
                for what in ("changed", "lost", "gained"):
                    for r in c[what]:
                        print(f"    {what:8} {doc}: {r}")
    if args.json:
        args.json.write_text(json.dumps({"documents": [d["doc_file"] for d in docs], "figures": figures},
                                        ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
