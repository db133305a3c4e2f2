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
        text.withLines { check($0, contexts: contexts) }
    }

    func check(_ text: NormalizedText.Lines, contexts: [LineContext]) -> [Finding] {
        // Each entry with the index of its title among the distinct ones (in order of first
        // listing), so that what was found is looked up by index, not by hashing titles again.
        // A title's `String` is made from its scalars only when shown (a missing entry): most
        // never are. An entry whose title is spelled otherwise than its first listing (equal
        // as strings, not in scalars) keeps its own spelling.
        var entries: [(spelling: String?, line: Int, index: Int)] = []
        var titleScalars: [[Unicode.Scalar]] = []
        // Titles are the same when their strings are equal (canonically). For simple titles
        // (`simpleTitle`) that is when their scalars are: hashing the scalars skips the
        // normalization that hashing a `String` does. The first title that is not simple
        // moves every title to the index by string, as all were before.
        // Simple titles by a hash of their scalars (`scalarHash`): the last title with it, the
        // titles before with the same hash chained through `sameHash`. A dictionary keyed by
        // the arrays hashed them through `Hasher` scalar by scalar, thousands of
        // instructions per title.
        var lastOfHash: [UInt64: Int] = [:]
        var sameHash: [Int] = []
        var indexOfString: [String: Int]?
        var sawContents = false
        for (index, context) in zip(text.indices, contexts) where context.inContents {
            let line = text[index]
            let compacted = Self.compacted(line.scalars)
            let title: String
            let scalars: [Unicode.Scalar]
            if indexOfString == nil, let simple = Self.simpleTitle(compacted[...]) {
                if simple.elementsEqual("目录".unicodeScalars) { sawContents = true; continue }
                guard simple.count >= Self.minEntryLength, simple.count <= Self.maxEntryLength else { continue }
                let hash = Self.scalarHash(simple)
                var index = lastOfHash[hash] ?? -1
                while index >= 0, !titleScalars[index].elementsEqual(simple) { index = sameHash[index] }
                if index >= 0 {
                    entries.append((nil, line.firstLine, index))
                    continue
                }
                guard titleScalars.count < Self.maxEntries else { continue }
                scalars = Array(simple)
                sameHash.append(lastOfHash[hash] ?? -1)
                lastOfHash[hash] = titleScalars.count
            } else {
                title = Self.title(compacted: String(scalars: compacted))
                if title == "目录" { sawContents = true; continue }
                let length = title.count
                guard length >= Self.minEntryLength, length <= Self.maxEntryLength else { continue }
                if indexOfString == nil {
                    indexOfString = Dictionary(uniqueKeysWithValues: titleScalars.enumerated().map {
                        (LogicalLine.string($1[...]), $0)
                    })
                }
                if let index = indexOfString?[title] {
                    entries.append((title, line.firstLine, index))
                    continue
                }
                scalars = Array(title.unicodeScalars)
                guard titleScalars.count < Self.maxEntries else { continue }
                indexOfString?[title] = titleScalars.count
                sameHash.append(-1)
            }
            entries.append((nil, line.firstLine, titleScalars.count))
            titleScalars.append(scalars)
        }
        guard sawContents, !entries.isEmpty else { return [] }
        // Every entry searched for in one pass over the body (`LinePhraseFinder`): one search
        // per entry was entries × body, quadratic when the contents repeat through a long file.
        // The body is read compacted, line by line with a line break after each, straight
        // from the lines' scalars.
        //
        // An entry is missing when the body has it neither exactly (compacted) nor loosely
        // (`loose`: without punctuation, `年度` as `年`). A title found exactly is found loosely
        // too, since folding a line folds each run of it alike — unless the title's first
        // scalar that folding keeps is `度`, which the body folds away after a `年`. So without
        // such a title one loose pass over the body decides every entry; the exact pass is
        // needed only for the others.
        let looseTitles = titleScalars.map { title in
            var folding = LooseFolding()
            var folded: [Unicode.Scalar] = []
            folded.reserveCapacity(title.count)
            for scalar in title { if let kept = folding.fold(scalar) { folded.append(kept) } }
            return folded
        }
        let missing: [(spelling: String?, line: Int, index: Int)]
        let attachment: Bool
        if titleScalars.contains(where: Self.mayFoldAwayItsStart) {
            // `见附件` (“see the attachment”) is looked for in the exact pass, after the titles:
            // it matters only when one is missing, and then the whole body is read anyway.
            let exact = Self.search(titleScalars + [Self.attachmentWords], required: titleScalars.count, in: text,
                                    contexts, through: Compacting())
            // Only the titles not found exactly are looked for loosely, in a second pass: whether
            // a phrase is found does not depend on the other phrases looked for.
            var looseFound = [Bool](repeating: false, count: titleScalars.count)
            let notFound = titleScalars.indices.filter { !exact[$0] }
            if !notFound.isEmpty {
                let loose = Self.search(notFound.map { looseTitles[$0] }, in: text, contexts, through: LooseCompacting())
                for (k, index) in notFound.enumerated() { looseFound[index] = loose[k] }
            }
            missing = entries.filter { !exact[$0.index] && !looseFound[$0.index] }
            attachment = exact[titleScalars.count]
        } else {
            let loose = Self.search(looseTitles, in: text, contexts, through: LooseCompacting())
            missing = entries.filter { !loose[$0.index] }
            attachment = !missing.isEmpty && Self.bodyContains(Self.attachmentWords, in: text, contexts)
        }
        guard !missing.isEmpty else { return [] }
        let shown = missing.prefix(6).map { $0.spelling ?? LogicalLine.string(titleScalars[$0.index][...]) }
        let names = shown.joined(separator: "、") + (missing.count > 6 ? "等" : "")
        let namesEN = shown.joined(separator: ", ") + (missing.count > 6 ? ", …" : "")
        return [Finding(
            severity: .warning, check: .contents, metric: nil, stated: "\(entries.count)",
            expected: "\(entries.count - missing.count)", lines: missing.map(\.line),
            chinese: "目录列出 \(entries.count) 项，正文缺少 \(missing.count) 项：\(names)" + (attachment ? "（正文称“见附件”）" : ""),
            english: "the contents list \(entries.count) entries; \(missing.count) are missing from the text: \(namesEN)"
                + (attachment ? " (the text says they are attached)" : ""))]
    }

    /// `见附件`: the body's word for tables given apart from the text.
    private static let attachmentWords = Array("见附件".unicodeScalars)

    /// Whether the first scalar of `title` that `LooseFolding` does not drop is `度`: folding
    /// keeps it in the title, but drops it in a body where `年` stands before it.
    private static func mayFoldAwayItsStart(_ title: [Unicode.Scalar]) -> Bool {
        title.first { !LooseFolding.isDropped($0) } == "度"
    }

    /// Whether `phrase` (of scalars `compact` keeps) occurs in one body line with only the
    /// spaces `compact` removes between its scalars: the exact search of one phrase, a skip to
    /// its first scalar at a time.
    private static func bodyContains(_ phrase: [Unicode.Scalar], in text: NormalizedText.Lines, _ contexts: [LineContext]) -> Bool {
        guard let first = phrase.first else { return true }
        for index in text.indices where !contexts[index].inContents {
            let s = text[index].scalars
            var k = 0
            while k < s.count {
                k = ScalarSearch.firstIndex(of: first, in: s, from: k)
                guard k < s.count else { break }
                var j = k + 1
                var p = 1
                while p < phrase.count {
                    while j < s.count, isCompacted(s[j]) { j += 1 }
                    guard j < s.count, s[j] == phrase[p] else { break }
                    j += 1
                    p += 1
                }
                if p == phrase.count { return true }
                k += 1
            }
        }
        return false
    }

    /// Which of `phrases` occur in the body as the entries are looked for in it: every line
    /// outside the contents, through `filter`, each followed by a line break. Reading stops
    /// when the first `required` are all found.
    private static func search<F: LinePhraseFinder.Filter>(
        _ phrases: [[Unicode.Scalar]], required: Int? = nil, in text: NormalizedText.Lines, _ contexts: [LineContext],
        through filter: F
    ) -> [Bool] {
        var finder = LinePhraseFinder(phrases, required: required)
        var filter = filter
        if phrases.contains(where: { $0.contains("\n") }) {
            // A phrase across a line break (never one of `Normalizer`'s lines, which are split
            // at the breaks): the body read as one line, its breaks in it.
            var body: [Unicode.Scalar] = []
            for (index, context) in zip(text.indices, contexts) where !context.inContents {
                body += text[index].scalars
                body.append("\n")
            }
            finder.read(body, through: &filter)
            return finder.found
        }
        // By index, not by zip: a line copied out of the array was two retains and releases.
        finder.read(lines: text.indices.lazy.filter { !contexts[$0].inContents }.map { text[$0].scalars }, through: &filter)
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

    /// FNV-1a of a title's scalars: equal scalars, equal hashes.
    private static func scalarHash(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for scalar in scalars { hash = (hash ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// An entry's title: no bullets, heading marks, ordinals (`一、` `（一）` `第五部分`), page numbers or spaces.
    static func title(_ text: String) -> String { title(compacted: compact(text)) }

    /// `title` of a line's scalars.
    static func title(of scalars: [Unicode.Scalar]) -> String {
        scalars.withUnsafeBufferPointer { title(of: $0) }
    }

    static func title(of scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
        let compacted = compacted(scalars)
        if let simple = simpleTitle(compacted[...]) { return LogicalLine.string(simple) }
        return title(compacted: String(scalars: compacted))
    }

    /// `title(compacted:)` on scalars, when the scalars are simple (`isSimple`): each is a
    /// character of its own, equal only to itself, so the rules on characters are rules on
    /// scalars. nil for other text. Titles were read character by character through
    /// `String`'s grapheme breaking, thousands of instructions per contents line.
    static func simpleTitle(_ compacted: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar>? {
        guard compacted.allSatisfy(isSimple) else { return nil }
        var t = compacted
        while let f = t.first, f == "-" || f == "*" || f == "#" || f == "•" { t = t.dropFirst() }
        while let l = t.last, isNumber(l) || l == "." || l == "…" || l == "。" { t = t.dropLast() }
        if t.first == "第", let end = t.firstIndex(of: "分"), end > t.startIndex, t[end - 1] == "部" {
            t = t[(end + 1)...]
        } else if t.first == "（" || t.first == "(", let close = t.firstIndex(where: { $0 == "）" || $0 == ")" }),
                  t[(t.startIndex + 1)..<close].allSatisfy({ numeralScalars.contains($0) || isNumber($0) }) {
            t = t[(close + 1)...]
        } else {
            let n = t.prefix { numeralScalars.contains($0) || isNumber($0) }.count
            if n > 0, n < t.count, t[t.startIndex + n] == "、" || t[t.startIndex + n] == "." {
                t = t.dropFirst(n + 1)
            }
        }
        return t
    }

    /// Scalars that are a character of their own next to any other such scalar (no combining
    /// mark, joiner, Hangul jamo, control or regional indicator among them) and that no other
    /// string is canonically equivalent to (no compatibility ideograph): ASCII, the unified
    /// ideographs, CJK and general punctuation, the fullwidth forms of ASCII.
    static func isSimple(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x21...0x7E, 0x4E00...0x9FFF, 0x3001...0x3029, 0xFF01...0xFF5E, 0x2010...0x2027, 0x2030...0x205E: true
        default: false
        }
    }

    /// `Character.isNumber` of a one-scalar character.
    /// (In ASCII only the digits have a numeric type: told by one range test, not by the
    /// property lookup, some hundreds of instructions, for the page numbers that end an entry.)
    private static func isNumber(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? s.value >= 0x30 && s.value <= 0x39 : s.properties.numericType != nil
    }

    private static let numeralScalars: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// The Chinese numerals an ordinal is written with.
    private static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// The title of a compacted line, character by character (see `simpleTitle`).
    static func title(compacted: String) -> String {
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
        /// Whether the last scalar kept was 年: all the state `年度` → `年` needs (an optional
        /// scalar was a tag and a value tested at every scalar of a loose pass).
        var afterYear = false

        /// The punctuation `loose` drops: 、，,。“”"（）()《》：:
        static func isDropped(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "、", "，", ",", "。", "“", "”", "\"", "（", "）", "(", ")", "《", "》", "：", ":": return true
            default: return false
            }
        }

        /// The scalar to keep, or nil when it is dropped.
        @inline(__always)
        mutating func fold(_ c: Unicode.Scalar) -> Unicode.Scalar? {
            // Most of a body is ideographs, none of them dropped: one range test (度 aside)
            // instead of fifteen comparisons, for every scalar of a loose pass.
            if c.value >= 0x4E00, c.value <= 0x9FFF, c != "度" {
                afterYear = c == "年"
                return c
            }
            if Self.isDropped(c) { return nil }
            // `年度` → `年`: drop a 度 right after 年.
            if c == "度", afterYear { return nil }
            afterYear = false
            return c
        }
    }

    /// `scalars` without the spaces `compact` removes. Most contents lines have none: read in
    /// place, not copied; the others copied into an array made at their size, not grown.
    private static func compacted(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> [Unicode.Scalar] {
        guard scalars.contains(where: isCompacted) else { return Array(scalars) }
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(scalars.count)
        for scalar in scalars where !isCompacted(scalar) { kept.append(scalar) }
        return kept
    }

    static func compact(_ text: String) -> String {
        String(scalars: text.unicodeScalars.lazy.filter { !isCompacted($0) })
    }

    /// The spaces `compact` removes.
    /// (Ideographs, above all three, are told apart by one comparison.)
    static func isCompacted(_ s: Unicode.Scalar) -> Bool { s.value <= 0x3000 && (s == " " || s == "\t" || s == "\u{3000}") }
}
