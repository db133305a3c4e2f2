/// Compares a report's table of contents (目录) with what the report contains.
///
/// `baotou-2024-final.txt` lists eleven tables under `第五部分 单位决算表`, then says
/// `见附件`: the tables are promised, not given. Each listed entry (ordinal, bullets and
/// page numbers removed) must appear in the body; the missing ones become one warning.
struct ContentsChecker: Sendable {
    /// Entries shorter than this are too generic to look for.
    static let minEntryLength = 4

    func check(_ text: NormalizedText, contexts: [LineContext]) -> [Finding] {
        var entries: [(title: String, line: Int)] = []
        var body = ""
        body.reserveCapacity(text.lines.count * 40)
        var sawContents = false
        for (line, context) in zip(text.lines, contexts) {
            let plain = line.text
            if context.inContents {
                let title = Self.title(plain)
                if title == "目录" { sawContents = true; continue }
                if title.count >= Self.minEntryLength { entries.append((title, line.firstLine)) }
            } else {
                body += Self.compact(plain)
                body += "\n"
            }
        }
        guard sawContents, !entries.isEmpty else { return [] }
        let bodyBytes = Array(body.utf8)
        let looseBytes = Array(Self.loose(body).utf8)
        let missing = entries.filter {
            !UTF8Search.contains(bodyBytes, Array($0.title.utf8)) && !UTF8Search.contains(looseBytes, Array(Self.loose($0.title).utf8))
        }
        guard !missing.isEmpty else { return [] }
        let attachment = body.utf8Contains("见附件")
        let names = missing.prefix(6).map(\.title).joined(separator: "、") + (missing.count > 6 ? "等" : "")
        let namesEN = missing.prefix(6).map(\.title).joined(separator: ", ") + (missing.count > 6 ? ", …" : "")
        return [Finding(
            severity: .warning, check: .contents, metric: nil, stated: "\(entries.count)",
            expected: "\(entries.count - missing.count)", lines: missing.map(\.line),
            chinese: "目录列出 \(entries.count) 项，正文缺少 \(missing.count) 项：\(names)" + (attachment ? "（正文称“见附件”）" : ""),
            english: "the contents list \(entries.count) entries; \(missing.count) are missing from the text: \(namesEN)"
                + (attachment ? " (the text says they are attached)" : ""))]
    }

    /// An entry's title: no bullets, heading marks, ordinals (`一、` `（一）` `第五部分`), page numbers or spaces.
    static func title(_ text: String) -> String {
        var t = Substring(compact(text))
        while let f = t.first, f == "-" || f == "*" || f == "#" || f == "•" { t = t.dropFirst() }
        while let l = t.last, l.isNumber || l == "." || l == "…" || l == "。" { t = t.dropLast() }
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        if t.first == "第", let end = t.firstIndex(of: "分"), t[..<end].hasSuffix("部") {
            t = t[t.index(after: end)...]
        } else if t.first == "（" || t.first == "(", let close = t.firstIndex(where: { $0 == "）" || $0 == ")" }),
                  t[t.index(after: t.startIndex)..<close].allSatisfy({ numerals.contains($0) || $0.isNumber }) {
            t = t[t.index(after: close)...]
        } else {
            let n = t.prefix { numerals.contains($0) || $0.isNumber }
            if !n.isEmpty, let mark = t.dropFirst(n.count).first, mark == "、" || mark == "." {
                t = t.dropFirst(n.count + 1)
            }
        }
        return String(t)
    }

    /// Looser still, for wording that drifts between contents and body: no punctuation,
    /// `年度` as `年` (`主要职能、职责` ~ `主要职能职责`, `2024年度` ~ `2024 年`).
    static func loose(_ text: String) -> String {
        let dropped: Set<Unicode.Scalar> = ["、", "，", ",", "。", "“", "”", "\"", "（", "）", "(", ")", "《", "》", "：", ":"]
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for c in text.unicodeScalars where !dropped.contains(c) {
            // `年度` → `年`: drop a 度 right after 年.
            if c == "度", previous == "年" { continue }
            out.append(c)
            previous = c
        }
        return String(out)
    }

    static func compact(_ text: String) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: text.unicodeScalars.lazy.filter { $0 != " " && $0 != "\t" && $0 != "\u{3000}" })
        return String(v)
    }
}
