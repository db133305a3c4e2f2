/// Finds the template's sections and tables in a normalized report.
///
/// A heading opens a section that lasts until the next heading of the same or a higher
/// level; a section inherits the family of the nearest enclosing heading that has one, so
/// `（一）机关运行经费支出情况说明` under `十、其他重要事项情况说明` is an admin section.
public struct Segmenter: Sendable {
    public init() {}

    public func segment(_ text: NormalizedText) -> [LineContext] {
        text.withLines { segment($0) }
    }

    /// What a line's scalars tell the segmenter before its text is read: its last tab and the
    /// unit it declares (`lastTabAndDeclaredUnit`).
    ///
    /// `MetadataReading`, which reads every scalar anyway (a table load per scalar, for its own
    /// starts), notes them as it passes the tabs and `单`: the segmenter's own search for them was
    /// a second read of every line.
    struct LineMarks: Sendable {
        /// The offset of the line's last tab, -1 when it has none.
        var lastTab = -1
        var unit: AmountUnit?

        var tab: Int? { lastTab < 0 ? nil : lastTab }
    }

    func segment(_ lines: NormalizedText.Lines) -> [LineContext] {
        segment(lines, marks: nil)
    }

    /// `segment`, with each line's tab and unit read from `marks` (one per line) when given: what
    /// `lastTabAndDeclaredUnit` finds in the line, which is asked when they are not.
    func segment(_ lines: NormalizedText.Lines, marks: [LineMarks]?) -> [LineContext] {
        guard let marks, marks.count == lines.count else { return segment(lines, markedBy: nil) }
        return marks.withUnsafeBufferPointer { segment(lines, markedBy: $0) }
    }

    /// `segment` with the marks read in place: through the array, each line's cost a bounds
    /// check and an optional's unwrapping per field.
    private func segment(_ lines: NormalizedText.Lines, markedBy marks: UnsafeBufferPointer<LineMarks>?) -> [LineContext] {
        // Each line gets exactly one context, written in place (no append's checks per line).
        return [LineContext](unsafeUninitializedCapacity: lines.count) { contexts, written in
            // Stack of open headings: (level, family).
            var stack: [(level: Int, family: Metric.Family?)] = []
            // Levels 0 to 2 (a heading pops those at or below its own): room for them at once, not
            // grown three times per report.
            stack.reserveCapacity(4)
            // The family of the innermost open heading that has one: what every line's context
            // carries, found again only when a heading changes the stack (not per line).
            var family: Metric.Family?
            var inContents = false
            var contentsHeadingsSeen = 0
            var firstEntry: EntryKey?
            var tableUnit: AmountUnit?
            var linesSinceUnit = 0
            func put(_ context: LineContext) {
                contexts.initializeElement(at: written, to: context)
                written += 1
            }
            for lineIndex in lines.indices {
                // The line's span and scalars only: a `LineView` made per line rebased its origins too.
                let span = lines.spans[lineIndex]
                let s = UnsafeBufferPointer(rebasing: lines.scalars[span.scalars])
                let (lastTab, declared) = marks.map { ($0[lineIndex].tab, $0[lineIndex].unit) } ?? Self.lastTabAndDeclaredUnit(s)
                if let unit = declared {
                    tableUnit = unit
                    linesSinceUnit = 0
                } else {
                    linesSinceUnit += 1
                }
                // A table unit holds for the table below it; prose far away resets it.
                if linesSinceUnit > 120 { tableUnit = nil }
                if Self.mayBeContentsTitle(s), Self.isContentsTitle(s) {
                    inContents = true
                    contentsHeadingsSeen = 0
                    firstEntry = nil
                    put(LineContext(kind: .text, family: nil, inContents: true, tableUnit: tableUnit))
                    continue
                }
                // The last tab: a table row, or a contents entry (heading, tab, page).
                let isEntry = lastTab.map { Self.isContentsEntry(s, lastTab: $0) } ?? false
                if lastTab != nil && !isEntry {
                    put(LineContext(kind: .tableRow, family: family,
                                                inContents: inContents, tableUnit: tableUnit))
                    continue
                }
                // A contents entry is a heading followed by its page number.
                let headingScalars = isEntry ? s[..<(lastTab ?? s.endIndex)] : s[...]
                let ordinal = HeadingParser.mayStartHeading(headingScalars) ? HeadingParser.level(of: headingScalars) : nil
                if let level = ordinal ?? (span.wasMarkdownHeading ? 1 : nil) {
                    if inContents {
                        // The contents end where the body repeats the first listed entry
                        // (`第一部分 单位概况` listed, then written).
                        // The first entry's key is made once; later headings are compared with it
                        // where they stand.
                        if let first = firstEntry {
                            if first.isKey(of: s) { inContents = false }
                        } else {
                            let key = EntryKey(s)
                            if !key.isEmpty { firstEntry = key }
                        }
                        contentsHeadingsSeen += 1
                    }
                    while let top = stack.last, top.level >= level { stack.removeLast() }
                    stack.append((level, SectionClassifier.family(of: s[...])))
                    family = stack.last(where: { $0.family != nil })?.family
                    put(LineContext(kind: .heading(level: level), family: family,
                                                inContents: inContents, tableUnit: tableUnit))
                    continue
                }
                // Narrative that is not a contents entry ends the contents.
                if inContents && !isEntry && contentsHeadingsSeen > 0 && HeadingParser.statesAmount(s[...]) {
                    inContents = false
                }
                if inContents && s.count > 40 && !isEntry { inContents = false }
                put(LineContext(kind: .text, family: family,
                                            inContents: inContents, tableUnit: tableUnit))
            }
        }
    }

    /// A contents entry's key: `entryKey` of its text, compared as strings.
    ///
    /// Plain text (nearly every heading) is trimmed and compared scalar by scalar, which for
    /// plain scalars is the same as by characters and strings; other text goes the `String` way.
    enum EntryKey: Equatable {
        case scalars([Unicode.Scalar])
        case string(String)

        init(_ line: UnsafeBufferPointer<Unicode.Scalar>) {
            guard PlainScalar.isPlain(line) else {
                self = .string(Segmenter.entryKey(LogicalLine.string(line)))
                return
            }
            var lo = 0
            var hi = line.count
            while lo < hi, line[lo] == "-" || line[lo] == "*" || line[lo] == "#" || line[lo] == " " { lo += 1 }
            while hi > lo, Self.isTrailing(line[hi - 1]) { hi -= 1 }
            self = .scalars(line[lo..<hi].filter { $0 != " " && $0 != "\t" })
        }

        /// True when `EntryKey(line) == self`, told without making the line's key: a plain line
        /// is compared scalar by scalar where it stands (leading marks skipped, spaces and tabs
        /// passed over), and what follows the key's last scalar must all be trimmed away.
        /// (That scalar is not one `isTrailing` trims, so the line's key ends exactly there.)
        func isKey(of line: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
            guard case .scalars(let key) = self, PlainScalar.isPlain(line) else { return EntryKey(line) == self }
            var i = 0
            while i < line.count, line[i] == "-" || line[i] == "*" || line[i] == "#" || line[i] == " " { i += 1 }
            var matched = 0
            while i < line.count {
                let c = line[i]
                if c != " " && c != "\t" {
                    if matched == key.count { break }
                    guard c == key[matched] else { return false }
                    matched += 1
                }
                i += 1
            }
            guard matched == key.count else { return false }
            while i < line.count {
                guard Self.isTrailing(line[i]) else { return false }
                i += 1
            }
            return true
        }

        /// A page number and what stands around it: `Character.isNumber` of a lone scalar.
        static func isTrailing(_ s: Unicode.Scalar) -> Bool {
            switch s {
            case "\t", " ", ".", "…": return true
            // Of ASCII only the digits have a numeric type: asked without the property lookup.
            case "\u{0}"..."\u{7F}": return ScalarFolding.isDigit(s)
            default: return s.properties.numericType != nil
            }
        }

        var isEmpty: Bool {
            switch self {
            case .scalars(let s): return s.isEmpty
            case .string(let s): return s.isEmpty
            }
        }

        var string: String {
            switch self {
            case .scalars(let s): return LogicalLine.string(s[...])
            case .string(let s): return s
            }
        }

        static func == (a: EntryKey, b: EntryKey) -> Bool {
            if case .scalars(let x) = a, case .scalars(let y) = b { return x == y }
            return a.string == b.string
        }
    }

    /// A heading without bullets, marks, spaces and page numbers: `- 八、…说明	19` → `八、…说明`.
    static func entryKey(_ text: String) -> String {
        var t = Substring(text)
        while let f = t.first, f == "-" || f == "*" || f == "#" || f == " " { t = t.dropFirst() }
        while let l = t.last, l.isNumber || l == "\t" || l == " " || l == "." || l == "…" { t = t.dropLast() }
        return t.filter { $0 != " " && $0 != "\t" }
    }

    /// False for a line that cannot be `isContentsTitle`, asked of every line where it is
    /// read: nearly all start with neither a space nor 目.
    @inline(__always)
    static func mayBeContentsTitle(_ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        !s.isEmpty && (s[0] == "目" || s[0] == " ")
    }

    /// `目录`, `目 录`, `目录：`: the line that opens the table of contents (without spaces it
    /// starts with 目录 and has at most four characters).
    static func isContentsTitle(_ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        // The first two scalars other than spaces must be 目 and 录: most lines fail here,
        // before anything is copied.
        var k = 0
        while k < s.count, s[k] == " " { k += 1 }
        guard k < s.count, s[k] == "目" else { return false }
        k += 1
        while k < s.count, s[k] == " " { k += 1 }
        guard k < s.count, s[k] == "录" else { return false }
        var compact: [Unicode.Scalar] = []
        for scalar in s where scalar != " " {
            compact.append(scalar)
            // Far more than 目录 and a mark or two: not the contents' title.
            if compact.count > 16 { return false }
        }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: compact)
        let text = String(v)
        return text == "目录" || text.hasPrefix("目录") && text.count <= 4
    }

    /// `金额单位：万元`, `单位：元`, `（单位：万元）`, `项目资金 (万元)`.
    static func declaredUnit(_ text: String) -> AmountUnit? {
        Array(text.unicodeScalars).withUnsafeBufferPointer { lastTabAndDeclaredUnit($0).unit }
    }

    /// The line's last tab and the unit it declares (`declaredUnit`), read in one pass: each
    /// was a read of every line.
    ///
    /// Eight scalars at a step. A step that holds a tab is only remembered (the last one is
    /// read backwards for its last tab at the end); only a step that holds a 单 is read scalar
    /// by scalar, while no unit is known. The last few scalars are read as the line's last
    /// eight: reading a scalar twice changes neither answer.
    static func lastTabAndDeclaredUnit(_ s: UnsafeBufferPointer<Unicode.Scalar>) -> (lastTab: Int?, unit: AmountUnit?) {
        var unit: AmountUnit?
        let n = s.count
        guard let base = s.baseAddress, n >= 8 else {
            var lastTab: Int?
            for i in 0..<n {
                if s[i] == "\t" { lastTab = i } else if s[i] == "单", unit == nil { unit = declaredUnit(s, at: i) }
            }
            return (lastTab, unit)
        }
        let raw = UnsafeRawPointer(base)
        let tab = SIMD8<UInt32>(repeating: Unicode.Scalar("\t").value)
        let dan = SIMD8<UInt32>(repeating: Unicode.Scalar("单").value)
        var lastTabStep = -1
        var k = 0
        while true {
            var v = SIMD8<UInt32>()
            while k &+ 8 <= n {
                v = raw.loadUnaligned(fromByteOffset: k &* 4, as: SIMD8<UInt32>.self)
                if any((v .== tab) .| (v .== dan)) { break }
                k &+= 8
            }
            if k &+ 8 > n {
                // The last eight, once, unless the steps ended at the line's end.
                guard k < n else { break }
                k = n &- 8
                v = raw.loadUnaligned(fromByteOffset: k &* 4, as: SIMD8<UInt32>.self)
            }
            if any(v .== tab) { lastTabStep = k }
            if unit == nil, any(v .== dan) {
                for i in k..<(k &+ 8) where s[i] == "单" {
                    unit = declaredUnit(s, at: i)
                    if unit != nil { break }
                }
            }
            k &+= 8
        }
        guard lastTabStep >= 0 else { return (nil, unit) }
        var i = lastTabStep &+ 7
        while s[i] != "\t" { i &-= 1 }
        return (i, unit)
    }

    /// The unit declared by `单位：万元` (or `元`) when it starts at `i`.
    static func declaredUnit(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> AmountUnit? {
        guard i + 2 < s.count, s[i] == "单", s[i + 1] == "位", s[i + 2] == "：" || s[i + 2] == ":" else { return nil }
        var k = i + 3
        while k < s.count, ScalarFolding.isSpace(s[k]) { k += 1 }
        if k + 1 < s.count, s[k] == "万", s[k + 1] == "元" { return .wanYuan }
        if k < s.count, s[k] == "元" { return .yuan }
        return nil
    }

    /// A contents entry: a heading followed by a page number (`一、收入支出决算总表	3`).
    static func isContentsEntry(_ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard let tab = s.lastIndex(of: "\t") else { return false }
        return isContentsEntry(s, lastTab: tab)
    }

    /// `isContentsEntry` for a line whose last tab is at `lastTab`.
    static func isContentsEntry(_ s: UnsafeBufferPointer<Unicode.Scalar>, lastTab tab: Int) -> Bool {
        // After the tab: at least one digit, and nothing but digits and spaces.
        var sawDigit = false
        for c in s[(tab + 1)...] where !ScalarFolding.isSpace(c) {
            guard ScalarFolding.isDigit(c) else { return false }
            sawDigit = true
        }
        return sawDigit && HeadingParser.level(of: s[..<tab]) != nil
    }
}
