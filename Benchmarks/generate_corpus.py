#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus of N disclosure reports derived from template reports.

    python3 Benchmarks/generate_corpus.py --templates Datasets --metadata meta.json --count 1000 --out /tmp/corpus-1000

`meta.json` is `bureau-compare extract <templates> --format json` (it names each template's bureau and
region, read from the text: the generator knows no place names). Report i is template i mod T rewritten
with a pseudo-random generator seeded by i alone, so the same N always gives the same bytes and the
first 100 reports of the 10,000 corpus are the 100 corpus:

- another region and department (`甲河市教育局` for the template's own names), everywhere in the text;
- the fiscal years shifted together by -5…+2 (the year, the year before, `2019-2024年` spans);
- every amount with two decimals scaled by one factor per report, exactly (integer hundredths);
- layouts: one report in 4 hard-wrapped at 24–40 characters as a PDF converter without `-layout` does,
  one in 5 with full-width digits, one in 6 with narrative amounts in 元 instead of 万元, one in 8 with CRLF
  line ends, one in 10 encoded in GB18030.

Only the Python standard library; no Swift file reads this.
"""
import argparse
import json
import os
import re
import sys

# Syllables for synthetic place names: 3 × 20 × 20 combinations, none of them a real template's.
FIRST = "甲乙丙丁戊己庚辛壬癸青白金银安平长永新东"
SECOND = "河山川原林泉城阳宁江湖海岭田水溪峰谷桥坪"
SUFFIX = ["市", "县", "区", "旗"]
DEPARTMENTS = ["工业和信息化局", "教育局", "农牧局", "交通运输局", "卫生健康委员会", "财政局",
               "自然资源局", "文化旅游局", "市场监督管理局", "生态环境局", "水利局", "科学技术局"]

YEAR = re.compile(r"(?<![0-9])(20[0-3][0-9])(?![0-9])")
AMOUNT = re.compile(r"(?<![0-9.])([0-9]{1,9})\.([0-9]{2})(?![0-9%])")
WAN_YUAN = re.compile(r"(-?[0-9][0-9,]*(?:\.[0-9]+)?)(\**\s*)万元")


class Rng:
    """SplitMix64: the same sequence on every machine and Python version."""

    def __init__(self, seed):
        self.state = (seed * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) & 0xFFFFFFFFFFFFFFFF

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def one_in(self, n):
        return self.below(n) == 0


def scale_amounts(text, numerator, denominator):
    """Every `123.45` (not a percentage) times numerator/denominator, rounded half up to hundredths."""
    def scaled(m):
        cents = int(m.group(1)) * 100 + int(m.group(2))
        cents = (cents * numerator * 2 + denominator) // (denominator * 2)
        return "%d.%02d" % (cents // 100, cents % 100)
    return AMOUNT.sub(scaled, text)


def times_ten_thousand(number):
    negative = number.startswith("-")
    digits = number.replace(",", "").lstrip("-")
    whole, _, frac = digits.partition(".")
    frac = frac.ljust(4, "0")
    integer = (whole + frac[:4]).lstrip("0") or "0"
    rest = frac[4:]
    return ("-" if negative else "") + integer + ("." + rest if rest else "")


def in_yuan(text):
    return WAN_YUAN.sub(lambda m: times_ten_thousand(m.group(1)) + m.group(2) + "元", text)


def full_width(text):
    out = []
    for i, c in enumerate(text):
        prev_digit = i > 0 and "0" <= text[i - 1] <= "9"
        next_digit = i + 1 < len(text) and "0" <= text[i + 1] <= "9"
        if "0" <= c <= "9":
            out.append(chr(0xFF10 + ord(c) - 48))
        elif c == "." and prev_digit and next_digit:
            out.append("．")
        elif c == "%":
            out.append("％")
        else:
            out.append(c)
    return "".join(out)


def hard_wrapped(text, width):
    out = []
    for line in text.split("\n"):
        if "\t" in line or len(line) <= width:
            out.append(line)
            continue
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out)


def rewrite(template, meta, index):
    rng = Rng(index)
    text = template
    region = meta.get("region") or ""
    bureau = meta.get("bureau") or ""
    new_region = FIRST[rng.below(len(FIRST))] + SECOND[rng.below(len(SECOND))] + \
        SECOND[rng.below(len(SECOND))] + SUFFIX[rng.below(len(SUFFIX))]
    department = DEPARTMENTS[rng.below(len(DEPARTMENTS))]
    if bureau and region and region in bureau:
        # The template's department name is what follows its region in its bureau name.
        own_department = bureau[bureau.index(region) + len(region):]
        if own_department:
            text = text.replace(own_department, department)
    if region:
        text = text.replace(region, new_region)
        stem = region[:-1]
        if len(stem) >= 2:
            text = text.replace(stem, new_region[:-1])
    shift = rng.below(8) - 5
    text = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    text = scale_amounts(text, 50 + rng.below(151), 100)
    if rng.one_in(6):
        text = in_yuan(text)
    if rng.one_in(5):
        text = full_width(text)
    if rng.one_in(4):
        text = hard_wrapped(text, 24 + rng.below(17))
    if rng.one_in(8):
        text = text.replace("\n", "\r\n")
    encoding = "gb18030" if rng.one_in(10) else "utf-8"
    kind = meta.get("kind") or "report"
    year = (meta.get("fiscal_year") or 0) + shift
    name = "%05d-%s-%d-%s.txt" % (index, new_region, year, kind)
    return name, text.encode(encoding)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--templates", required=True, help="folder of template reports (.txt/.md)")
    parser.add_argument("--metadata", required=True, help="extract --format json of the templates")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True, help="folder to write (created; existing reports replaced)")
    args = parser.parse_args()

    with open(args.metadata, encoding="utf-8") as f:
        metadata = {entry["document"]: entry for entry in json.load(f)}
    names = sorted(n for n in os.listdir(args.templates)
                   if n.lower().endswith((".txt", ".md")) and n in metadata)
    if not names:
        sys.exit("generate_corpus: no template in %s has metadata in %s" % (args.templates, args.metadata))
    templates = []
    for n in names:
        with open(os.path.join(args.templates, n), encoding="utf-8-sig") as f:
            templates.append((f.read(), metadata[n]))

    os.makedirs(args.out, exist_ok=True)
    total = 0
    for i in range(args.count):
        text, meta = templates[i % len(templates)]
        name, data = rewrite(text, meta, i)
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(data)
        total += len(data)
    print("%d reports, %d bytes in %s" % (args.count, total, args.out))


if __name__ == "__main__":
    main()
