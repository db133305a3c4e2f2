/// Compares a report's table of contents (目录) with what the report contains.
///
/// `city-a-2024-final.txt` lists eleven tables under `第五部分 单位决算表`, then says
/// `见附件`: the tables are promised, not given. Each listed entry (ordinal, bullets and
/// page numbers removed) must appear in the body; the missing ones become one warning.
struct ContentsChecker: Sendable {
    /// Entries shorter than this are too generic to look for.
    static let minEntryLength = 4
    /// Entries longer than this are not headings (a markdown heading of a whole paragraph).
    static let maxEntryLength = 200
    /// The most distinct entries looked for: a real table of contents has a few dozen; text
    /// that a converter left in contents mode for thousands of lines is not a promise of
    /// anything, and the entries past this many are not checked.
    static let maxEntries = 512

    func check(_ text: NormalizedText, contexts: [LineContext]) -> [Finding] {
        var entries: [(title: String, line: Int)] = []
        var distinctTitles: Set<String> = []
        // The body, compacted, as UTF-8 bytes: exactly and loosely (see `loose`).
        var body: [UInt8] = []
        var looseBody: [UInt8] = []
        var looseState = LooseFolding()
        var sawContents = false
        for (line, context) in zip(text.lines, contexts) {
            if context.inContents {
                let title = Self.title(line.text)
                if title == "目录" { sawContents = true; continue }
                let length = title.count
                guard length >= Self.minEntryLength, length <= Self.maxEntryLength else { continue }
                if distinctTitles.count < Self.maxEntries || distinctTitles.contains(title) {
                    distinctTitles.insert(title)
                    entries.append((title, line.firstLine))
                }
            } else {
                for scalar in line.scalars where !Self.isCompacted(scalar) {
                    Self.appendUTF8(scalar, to: &body)
                    if let kept = looseState.fold(scalar) { Self.appendUTF8(kept, to: &looseBody) }
                }
                body.append(0x0A)
                if let kept = looseState.fold("\n") { Self.appendUTF8(kept, to: &looseBody) }
            }
        }
        guard sawContents, !entries.isEmpty else { return [] }
        // Every entry searched for in one pass over each body (`PhraseMatcher`): one search per
        // entry was entries × body, quadratic when the contents repeat through a long file.
        let titles = Array(distinctTitles).sorted()
        let exact = PhraseMatcher(titles).found(in: body)
        let loose = PhraseMatcher(titles.map(Self.loose)).found(in: looseBody)
        var present: Set<String> = []
        for (index, title) in titles.enumerated() where exact[index] || loose[index] { present.insert(title) }
        let missing = entries.filter { !present.contains($0.title) }
        guard !missing.isEmpty else { return [] }
        let attachment = PhraseMatcher(["见附件"]).found(in: body).first ?? false
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
        var out = String.UnicodeScalarView()
        var state = LooseFolding()
        for c in text.unicodeScalars {
            if let kept = state.fold(c) { out.append(kept) }
        }
        return String(out)
    }

    /// `loose` one scalar at a time, so a whole body can be folded as it is built.
    struct LooseFolding {
        var previous: Unicode.Scalar?

        /// The punctuation `loose` drops: 、，,。“”"（）()《》：:
        static func isDropped(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "、", "，", ",", "。", "“", "”", "\"", "（", "）", "(", ")", "《", "》", "：", ":": return true
            default: return false
            }
        }

        /// The scalar to keep, or nil when it is dropped.
        mutating func fold(_ c: Unicode.Scalar) -> Unicode.Scalar? {
            if Self.isDropped(c) { return nil }
            // `年度` → `年`: drop a 度 right after 年.
            if c == "度", previous == "年" { return nil }
            previous = c
            return c
        }
    }

    static func compact(_ text: String) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: text.unicodeScalars.lazy.filter { !isCompacted($0) })
        return String(v)
    }

    static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        if let encoded = UTF8.encode(scalar) { bytes.append(contentsOf: encoded) }
    }

    /// The spaces `compact` removes.
    static func isCompacted(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" }
}
