#!/usr/bin/env python3
"""Writes N mutated copies of the template reports, for checking that two builds read them alike.

    python3 Benchmarks/mutate_corpus.py --templates Datasets --count 2000 --out /tmp/mutants

`scripts/same-output` runs an old and a new build of bureau-compare on these files and on the
benchmark corpus and compares every byte they print. The generated corpus (generate_corpus.py)
is a template's text with other names and figures, laid out the few ways real converters lay text
out; a change to how text is read must also keep what it does on text no template has. So each
mutant is a template (whole, or a window of it) put through a few random edits of the kinds PDF
converters and people make: lines deleted, doubled, joined, split or hard-wrapped at a random
width; spaces, tabs, full-width digits, thousands separators, markdown marks and stray
punctuation inserted; numbers with many digits or two points; combining marks, compatibility
ideographs, astral characters, NBSP and U+3000; CRLF, CR, form feeds; and, for a few, an
encoding (GB18030, UTF-16 with BOM, UTF-8 with BOM) or a flipped byte.

Deterministic (SplitMix64 seeded by the mutant's index); only the Python standard library.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_corpus import Rng  # noqa: E402

FULL_WIDTH = {chr(0x30 + d): chr(0xFF10 + d) for d in range(10)}
ODD = ["\u0301", "\u20dd", "\uf900", "\U00020000", "\U0001F600", "\u00a0", "\u3000", "\u2002", "\u2212",
       "\ufe63", "\ufeff", "\u200b", "\ufffd", "\x0c", "\x0b", "\t", "*", "**", "_", "#", "- ", "，", "．",
       "。", "、", "：", "；", "％", "%", "万元", "元", "万", "-", ".", ",", "（", "）", "“三公”", "目录",
       "单位：元", "单位：万元", "表", "年度", "2024年", "局", "市", "区", "见附件", "合计", "占", "比上年",
       "减少", "增长", "预算", "决算", "本级）", "（部门）"]
NUMBERS = ["0", "0.00", "1,234.56", "12,345,678.90", "9" * 25, "1.2.3", "-5.5", "100.00%", "0.5%",
           "１２３．４５", "4,4", "99.46", "2,3456", "00012", "7.496,5", "3332.", ".37"]


def mutate_line(line, rng):
    choice = rng.below(12)
    pos = rng.below(len(line) + 1)
    if choice == 0:
        return line[:pos] + ODD[rng.below(len(ODD))] + line[pos:]
    if choice == 1:
        return line[:pos] + NUMBERS[rng.below(len(NUMBERS))] + line[pos:]
    if choice == 2:
        return "".join(FULL_WIDTH.get(c, c) for c in line)
    if choice == 3:
        return line[:pos] + " " * (1 + rng.below(3)) + line[pos:]
    if choice == 4:
        return line[:pos]
    if choice == 5:
        return line[pos:]
    if choice == 6:
        return line.replace("万元", " 万元") if rng.one_in(2) else line.replace(" 万元", "万元")
    if choice == 7:
        return "**" + line + "**"
    if choice == 8:
        return line.replace("，", ",") if rng.one_in(2) else line.replace("。", "")
    if choice == 9:
        return "\t".join(line.split(" ")) if " " in line else line + "\t" + str(rng.below(40))
    if choice == 10:
        return ("# " if rng.one_in(2) else "（" + "一二三四五六七八九十"[rng.below(10)] + "）") + line
    return line[:pos] + chr(0x4E00 + rng.below(0x5000)) + line[pos:]


def mutate(text, rng):
    lines = text.split("\n")
    if rng.one_in(3):
        start = rng.below(len(lines))
        lines = lines[start:start + 20 + rng.below(400)]
    for _ in range(1 + rng.below(40)):
        if not lines:
            lines = [""]
        k = rng.below(len(lines))
        op = rng.below(8)
        if op == 0:
            del lines[k]
        elif op == 1:
            lines.insert(k, lines[k])
        elif op == 2 and k + 1 < len(lines):
            lines[k:k + 2] = [lines[k] + lines[k + 1]]
        elif op == 3 and len(lines[k]) > 2:
            cut = 1 + rng.below(len(lines[k]) - 1)
            lines[k:k + 1] = [lines[k][:cut], lines[k][cut:]]
        elif op == 4:
            lines.insert(k, "")
        else:
            lines[k] = mutate_line(lines[k], rng)
    if rng.one_in(6):
        width = 8 + rng.below(40)
        wrapped = []
        for line in lines:
            wrapped += [line[i:i + width] for i in range(0, max(len(line), 1), width)]
        lines = wrapped
    if rng.one_in(8):
        watermark = "内部资料仅供参考"[: 2 + rng.below(6)]
        for k in range(len(lines), 0, -1 - rng.below(30)):
            lines.insert(k, watermark)
    ending = ["\n", "\n", "\n", "\r\n", "\r"][rng.below(5)]
    out = ending.join(lines)
    if rng.one_in(10):
        out = out.replace("\n", "\n\f", 1 + rng.below(5))
    encoding = rng.below(20)
    if encoding == 0:
        data = out.encode("gb18030", errors="replace")
    elif encoding == 1:
        data = b"\xff\xfe" + out.encode("utf-16-le", errors="surrogatepass")
    elif encoding == 2:
        data = b"\xef\xbb\xbf" + out.encode("utf-8", errors="surrogatepass")
    else:
        data = out.encode("utf-8", errors="surrogatepass")
    if rng.one_in(25) and data:
        data = bytearray(data)
        data[rng.below(len(data))] = rng.below(256)
        data = bytes(data)
    return data


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--templates", default="Datasets")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    names = sorted(n for n in os.listdir(args.templates) if n.endswith((".txt", ".md")))
    texts = [open(os.path.join(args.templates, n), encoding="utf-8").read() for n in names]
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.count):
        rng = Rng(1_000_003 + i)
        data = mutate(texts[i % len(texts)], rng)
        with open(os.path.join(args.out, "m%05d.txt" % i), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
