/// Joins physical lines that a PDF converter cut apart, and only those.
///
/// Three cuts are mended:
/// - a number or its unit pushed to the next line: `本年支出决算合计` / `4,499.46万元`,
///   `0.68` / `万元`, `下降-` / `73.50%`;
/// - hard wrapping at a fixed width (pdftotext without `-layout`): when most lines have
///   about the same width, a full line that does not end a sentence continues on the next;
/// - blank lines between the two halves (page breaks, paragraph spacing) are skipped.
/// Tables (tab-separated rows), markdown headings and list items are never joined.
struct LineJoiner {
    /// Blank lines that may stand between two halves of a cut.
    let maxBlankGap = 4

    func join(_ lines: [PhysicalLine]) -> (lines: [LogicalLine], hardWrapped: Bool) {
        join(PhysicalLines(lines))
    }

    func join(_ physical: PhysicalLines) -> (lines: [LogicalLine], hardWrapped: Bool) {
        let lines = physical.lines
        let wrap = WrapWidth.detect(lines)
        var result: [LogicalLine] = []
        result.reserveCapacity(lines.count)
        // A line joined from several, while it grows: one buffer kept (with its capacity) from
        // one joined line to the next, copied out at its exact size once complete. Appending
        // to each joined line's own array regrew it at every join.
        var joined: [Unicode.Scalar] = []
        var joinedOrigins: [LogicalLine.Origin] = []
        var i = 0
        while i < lines.count {
            let first = lines[i]
            if first.isBlank {
                i += 1
                continue
            }
            let firstOrigin = LogicalLine.Origin(offset: 0, line: first.number)
            // Most lines are joined to none: they are read in place, and `joined` is not touched.
            var isJoined = false
            var mayHoldSeparators = first.mayHoldSeparators
            var last = first
            var next = i + 1
            while true {
                // Find the next non-blank line within the gap.
                var j = next
                var blanks = 0
                while j < lines.count, lines[j].isBlank, blanks <= maxBlankGap {
                    blanks += 1
                    j += 1
                }
                guard j < lines.count, !lines[j].isBlank, blanks <= maxBlankGap else { break }
                let joins = shouldJoin(last, lines[j], in: physical.scalars,
                                       current: isJoined ? joined[...] : physical.scalars[first.trimmed], wrap: wrap)
                guard joins else { break }
                if !isJoined {
                    isJoined = true
                    joined.removeAll(keepingCapacity: true)
                    joinedOrigins.removeAll(keepingCapacity: true)
                    physical.scalars.withUnsafeBufferPointer { joined.append(contentsOf: $0[first.trimmed]) }
                }
                joinedOrigins.append(LogicalLine.Origin(offset: joined.count, line: lines[j].number))
                physical.scalars.withUnsafeBufferPointer { joined.append(contentsOf: $0[lines[j].trimmed]) }
                mayHoldSeparators = mayHoldSeparators || lines[j].mayHoldSeparators
                last = lines[j]
                next = j + 1
            }
            // Copied through buffers: a slice of the array was a retain and a release more.
            var scalars = isJoined ? Self.copy(joined, 0..<joined.count) : Self.copy(physical.scalars, first.trimmed)
            // The origins of the lines joined to the first (none for most lines: no allocation).
            var laterOrigins = isJoined ? Self.copy(joinedOrigins, 0..<joinedOrigins.count) : []
            // Numbers are made canonical only now, when both halves of a cut number are here.
            // Trimmed lines neither start nor end with a space, so a join of lines without
            // separators has none either.
            if mayHoldSeparators && !ScalarFolding.hasCanonicalNumbers(scalars) {
                // The first origin, at offset 0, stays there: nothing is dropped before it. An
                // array with it in front was two allocations per line more.
                scalars = ScalarFolding.canonicalNumbers(scalars, origins: &laterOrigins)
            }
            result.append(LogicalLine(scalars: scalars, firstOrigin: firstOrigin, laterOrigins: laterOrigins,
                                      wasMarkdownHeading: first.heading))
            i = next
        }
        return (result, wrap != nil)
    }

    /// A new array of exactly `source[range]`: `Array(slice)` shares the buffer of a slice that covers
    /// its whole array (the joined buffer, which is then copied at its next change), and
    /// `Array(unsafeUninitializedCapacity:)` allocates through an unspecialized function.
    @inline(__always)
    static func copy<Element>(_ source: [Element], _ range: Range<Int>) -> [Element] {
        source.withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Whether line `b` continues line `a` (both in `scalars`); `current` is the logical line so far.
    func shouldJoin(_ a: PhysicalLines.Line, _ b: PhysicalLines.Line, in scalars: [Unicode.Scalar], current: ArraySlice<Unicode.Scalar>,
                    wrap: WrapWidth?) -> Bool {
        if a.heading || b.heading { return false }
        if a.hasTab || b.hasTab { return false }
        guard !a.trimmed.isEmpty, !b.trimmed.isEmpty else { return false }
        let aLast = scalars[a.trimmed.upperBound - 1]
        let bFirst = scalars[b.trimmed.lowerBound]
        // The cheap look first: a line that ends a sentence is not cut.
        if Self.isSentenceEnder(aLast) { return false }
        let bStartsUnit = bFirst == "万" || bFirst == "元" || bFirst == "%"
        let bStartsNumber = ScalarFolding.isDigit(bFirst) || bFirst == "." || bFirst == "．"
            || (bFirst == "-" && b.trimmed.count > 1 && ScalarFolding.isDigit(scalars[b.trimmed.lowerBound + 1]))
        // Without a wrap width, only a number or a unit starting `b` joins (every rule below
        // asks for one): most line pairs are settled here, before the looks at their texts.
        if wrap == nil && !bStartsUnit && !bStartsNumber { return false }
        let at = scalars[a.trimmed]
        let bt = scalars[b.trimmed]
        if isListMarker(bt) || Self.startsWithOrdinal(bt) { return false }
        let aEndsInNumber = ScalarFolding.isDigit(aLast) || aLast == "." || aLast == "．" || aLast == "-"
        let full = wrap?.isFull(a) ?? false
        // The unit of a number went to the next line: `0.68` / `万元`.
        if bStartsUnit && (aEndsInNumber || aLast == "万") { return true }
        // A number was cut: `3332.` / `37万元`, `下降-` / `73.50%`.
        if (aLast == "." || aLast == "．" || aLast == "-") && bStartsNumber { return true }
        if ScalarFolding.isDigit(aLast) && bStartsNumber && full { return true }
        // No prose line starts with a decimal point: `本年支出合计3332` / `.37万元`.
        if ScalarFolding.isDigit(aLast), bFirst == "." || bFirst == "．", bt.count > 1,
           ScalarFolding.isDigit(bt[bt.startIndex + 1]) {
            return true
        }
        // A label whose number went to the next line: `本年支出决算合计` / `4499.46万元`.
        if bStartsNumber && !aEndsInNumber && !isOrdinalHeading(current) && !a.heading
            && (isCJK(aLast) || aLast == "，" || aLast == "、" || aLast == "（" || aLast == "：") {
            return aLast != "：" || !Self.isCountingSentence(current)
        }
        // Hard-wrapped text: a full line continues on the next; so does a short piece that
        // already continues a paragraph and does not end it (a line wrapped twice).
        if full { return true }
        if wrap != nil, current.count > at.count, !isOrdinalHeading(current), HeadingParser.level(of: bt) == nil {
            return true
        }
        return false
    }

    /// `。！？!?；;`: a line ending so is not cut (a switch, not a hashed set, per line).
    static func isSentenceEnder(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "!", "?", "；", ";": return true
        default: return false
        }
    }

    /// `其中：` followed by a numbered item is a list, not a cut.
    static func isCountingSentence(_ s: [Unicode.Scalar]) -> Bool { isCountingSentence(s[...]) }

    static func isCountingSentence(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        s.count >= 3 && s.suffix(3).elementsEqual("其中：".unicodeScalars)
            || s.suffix(3).elementsEqual("包括：".unicodeScalars)
    }

    /// `（七）`, `七、`, `第二部分`, `1、`, `1.`, `(1)`, `（1）`: the start of a heading or an item.
    static func startsWithOrdinal(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        var s = t
        if let f = s.first, f == "（" || f == "(" {
            s = s.dropFirst()
            let n = s.prefix { HeadingParser.isNumeral($0) || ScalarFolding.isDigit($0) }
            guard !n.isEmpty, let close = s.dropFirst(n.count).first else { return false }
            return close == "）" || close == ")"
        }
        if s.first == "第" {
            let n = s.dropFirst().prefix { HeadingParser.isNumeral($0) }
            return !n.isEmpty && s.dropFirst(1 + n.count).starts(with: "部分".unicodeScalars)
        }
        let chinese = s.prefix { HeadingParser.isNumeral($0) }
        if !chinese.isEmpty { return s.dropFirst(chinese.count).first == "、" }
        let digits = s.prefix { ScalarFolding.isDigit($0) }
        guard !digits.isEmpty, digits.count <= 2 else { return false }
        let rest = s.dropFirst(digits.count)
        guard let mark = rest.first else { return false }
        if mark == "、" { return true }
        if mark == "." {
            guard let after = rest.dropFirst().first else { return true }
            return !ScalarFolding.isDigit(after)
        }
        return false
    }

    private func isListMarker(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let f = t.first else { return false }
        if (f == "-" || f == "*" || f == "•"), t.count > 1, ScalarFolding.isSpace(t[t.startIndex + 1]) { return true }
        return false
    }

    /// A line such as `三、支出决算情况说明` or `（二）政府采购支出情况` is a heading.
    private func isOrdinalHeading(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        HeadingParser.level(of: s) != nil
    }

    func isCJK(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0x20000...0x2FFFF).contains(s.value)
    }
}
