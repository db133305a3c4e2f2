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
        // Every entry searched for in one pass over the body (`LinePhraseFinder`): one search
        // per entry was entries × body, quadratic when the contents repeat through a long file.
        // The body is read compacted, line by line with a line break after each, straight
        // from the lines' scalars.
        // `见附件` (“see the attachment”) is looked for in the same pass, after the titles:
        // it matters only when one is missing, and then the whole body is read anyway.
        let exact = Self.search(titles.map { Array($0.unicodeScalars) } + [Array("见附件".unicodeScalars)],
                                required: titles.count, in: text, contexts, through: Compacting())
        // Only the titles not found exactly are looked for loosely (see `loose`), in a second
        // pass: whether a phrase is found does not depend on the other phrases looked for, so
        // this is what one loose pass over all titles found for them. A report that gives
        // every entry exactly reads its body loosely not at all.
        var looseFound = [Bool](repeating: false, count: titles.count)
        let notFound = titles.indices.filter { !exact[$0] }
        if !notFound.isEmpty {
            let loose = Self.search(notFound.map { Array(Self.loose(titles[$0]).unicodeScalars) }, in: text, contexts,
                                    through: LooseCompacting())
            for (k, index) in notFound.enumerated() { looseFound[index] = loose[k] }
        }
        let missing = entries.filter { !exact[$0.index] && !looseFound[$0.index] }
        guard !missing.isEmpty else { return [] }
        let attachment = exact[titles.count]
        let names = missing.prefix(6).map(\.title).joined(separator: "、") + (missing.count > 6 ? "等" : "")
        let namesEN = missing.prefix(6).map(\.title).joined(separator: ", ") + (missing.count > 6 ? ", …" : "")
        return [Finding(
            severity: .warning, check: .contents, metric: nil, stated: "\(entries.count)",
            expected: "\(entries.count - missing.count)", lines: missing.map(\.line),
            chinese: "目录列出 \(entries.count) 项，正文缺少 \(missing.count) 项：\(names)" + (attachment ? "（正文称“见附件”）" : ""),
            english: "the contents list \(entries.count) entries; \(missing.count) are missing from the text: \(namesEN)"
                + (attachment ? " (the text says they are attached)" : ""))]
    }

    /// Which of `phrases` occur in the body as the entries are looked for in it: every line
    /// outside the contents, through `filter`, each followed by a line break. Reading stops
    /// when the first `required` are all found.
    private static func search<F: LinePhraseFinder.Filter>(
        _ phrases: [[Unicode.Scalar]], required: Int? = nil, in text: NormalizedText, _ contexts: [LineContext],
        through filter: F
    ) -> [Bool] {
        var finder = LinePhraseFinder(phrases, required: required)
        var filter = filter
        if phrases.contains(where: { $0.contains("\n") }) {
            // A phrase across a line break (never one of `Normalizer`'s lines, which are split
            // at the breaks): the body read as one line, its breaks in it.
            var body: [Unicode.Scalar] = []
            for (line, context) in zip(text.lines, contexts) where !context.inContents {
                body += line.scalars
                body.append("\n")
            }
            finder.read(body, through: &filter)
            return finder.found
        }
        for (line, context) in zip(text.lines, contexts) where !context.inContents {
            if finder.allFound { break }
            finder.read(line.scalars, through: &filter)
            _ = filter.keeps("\n")
        }
        return finder.found
    }

    /// The body as exact titles are looked for in it: without the spaces `compact` removes.
    private struct Compacting: LinePhraseFinder.Filter {
        func keeps(_ scalar: Unicode.Scalar) -> Bool { !ContentsChecker.isCompacted(scalar) }
    }

    /// The body as loose titles are looked for in it: compacted, then `loose`.
    private struct LooseCompacting: LinePhraseFinder.Filter {
        var folding = LooseFolding()
        mutating func keeps(_ scalar: Unicode.Scalar) -> Bool {
            !ContentsChecker.isCompacted(scalar) && folding.fold(scalar) != nil
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
