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

    /// The phrase `见附件` (“see the attachment”), looked for when entries are missing.
    static let attachmentMatcher = PhraseMatcher(["见附件"])

    func check(_ text: NormalizedText, contexts: [LineContext]) -> [Finding] {
        // Each entry with the index of its title among the distinct ones (in order of first
        // listing), so that what was found is looked up by index, not by hashing titles again.
        var entries: [(title: String, line: Int, index: Int)] = []
        var titles: [String] = []
        var indexOfTitle: [String: Int] = [:]
        var sawContents = false
        for (line, context) in zip(text.lines, contexts) where context.inContents {
            let title = Self.title(of: line.scalars)
            if title == "目录" { sawContents = true; continue }
            let length = title.count
            guard length >= Self.minEntryLength, length <= Self.maxEntryLength else { continue }
            if let index = indexOfTitle[title] {
                entries.append((title, line.firstLine, index))
            } else if titles.count < Self.maxEntries {
                indexOfTitle[title] = titles.count
                entries.append((title, line.firstLine, titles.count))
                titles.append(title)
            }
        }
        guard sawContents, !entries.isEmpty else { return [] }
        // Every entry searched for in one pass over the body (`PhraseMatcher`): one search per
        // entry was entries × body, quadratic when the contents repeat through a long file.
        // The body is read compacted, line by line with a line break after each, straight
        // from the lines' scalars.
        // Each line read with the automaton's arrays in locals (`Finder.read(_:through:)`).
        var exact = PhraseMatcher.Finder(PhraseMatcher(titles))
        for (line, context) in zip(text.lines, contexts) where !context.inContents {
            exact.read(line.scalars) { Self.isCompacted($0) ? nil : $0 }
            exact.read("\n")
        }
        // Only the titles not found exactly are looked for loosely (see `loose`), in a second
        // pass: whether a phrase is found does not depend on the other phrases of the
        // automaton, so this is what one loose pass over all titles found for them. A report
        // that gives every entry exactly builds and reads no loose automaton at all.
        var looseFound = [Bool](repeating: false, count: titles.count)
        let notFound = titles.indices.filter { !exact.found[$0] }
        if !notFound.isEmpty {
            var loose = PhraseMatcher.Finder(PhraseMatcher(notFound.map { Self.loose(titles[$0]) }))
            var looseState = LooseFolding()
            for (line, context) in zip(text.lines, contexts) where !context.inContents {
                loose.read(line.scalars) { Self.isCompacted($0) ? nil : looseState.fold($0) }
                if let folded = looseState.fold("\n") { loose.read(folded) }
            }
            for (k, index) in notFound.enumerated() { looseFound[index] = loose.found[k] }
        }
        let missing = entries.filter { !exact.found[$0.index] && !looseFound[$0.index] }
        guard !missing.isEmpty else { return [] }
        var attachmentFinder = PhraseMatcher.Finder(Self.attachmentMatcher)
        Self.forEachBodyScalar(text, contexts) { attachmentFinder.read($0) }
        let attachment = attachmentFinder.found.first ?? false
        let names = missing.prefix(6).map(\.title).joined(separator: "、") + (missing.count > 6 ? "等" : "")
        let namesEN = missing.prefix(6).map(\.title).joined(separator: ", ") + (missing.count > 6 ? ", …" : "")
        return [Finding(
            severity: .warning, check: .contents, metric: nil, stated: "\(entries.count)",
            expected: "\(entries.count - missing.count)", lines: missing.map(\.line),
            chinese: "目录列出 \(entries.count) 项，正文缺少 \(missing.count) 项：\(names)" + (attachment ? "（正文称“见附件”）" : ""),
            english: "the contents list \(entries.count) entries; \(missing.count) are missing from the text: \(namesEN)"
                + (attachment ? " (the text says they are attached)" : ""))]
    }

    /// The body as the entries are looked for in it (as `check` reads it): every line outside
    /// the contents, without the spaces `compact` removes, each followed by a line break.
    private static func forEachBodyScalar(_ text: NormalizedText, _ contexts: [LineContext], _ body: (Unicode.Scalar) -> Void) {
        for (line, context) in zip(text.lines, contexts) where !context.inContents {
            for scalar in line.scalars where !isCompacted(scalar) { body(scalar) }
            body("\n")
        }
    }

    /// An entry's title: no bullets, heading marks, ordinals (`一、` `（一）` `第五部分`), page numbers or spaces.
    static func title(_ text: String) -> String { title(compacted: compact(text)) }

    /// `title` of a line's scalars.
    static func title(of scalars: [Unicode.Scalar]) -> String {
        title(compacted: String(scalars: scalars.lazy.filter { !isCompacted($0) }))
    }

    /// The Chinese numerals an ordinal is written with.
    private static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    private static func title(compacted: String) -> String {
        var t = Substring(compacted)
        while let f = t.first, f == "-" || f == "*" || f == "#" || f == "•" { t = t.dropFirst() }
        while let l = t.last, l.isNumber || l == "." || l == "…" || l == "。" { t = t.dropLast() }
        let numerals = Self.numerals
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
        var state = LooseFolding()
        return String(scalars: text.unicodeScalars.compactMap { state.fold($0) })
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
        String(scalars: text.unicodeScalars.lazy.filter { !isCompacted($0) })
    }

    /// The spaces `compact` removes.
    static func isCompacted(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" }
}
