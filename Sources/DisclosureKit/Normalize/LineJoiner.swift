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

    /// The logical lines of `lines` (tests build physical lines one by one).
    func join(_ lines: [PhysicalLine]) -> (lines: [LogicalLine], hardWrapped: Bool) {
        let text = join(PhysicalLines(lines), physicalLineCount: lines.count)
        return (text.lines, text.wasHardWrapped)
    }

    /// The normalized text of `physical`: its lines joined where a converter cut them, trimmed,
    /// with canonical numbers.
    ///
    /// In place: each logical line is written over the physical lines' buffer, at or before
    /// where its first piece stood (a logical line is never longer than its pieces, and they
    /// come in order), so the buffer becomes the text's without a copy of any line. A line
    /// joined from several is written piece by piece as it grows.
    func join(_ physical: consuming PhysicalLines, physicalLineCount: Int) -> NormalizedText {
        var buffer: [Unicode.Scalar] = []
        // The buffer taken out of `physical`, so that writing to it copies nothing.
        swap(&buffer, &physical.scalars)
        let lines = physical.lines
        let wrap = WrapWidth.detect(lines)
        var spans: [NormalizedText.Span] = []
        spans.reserveCapacity(lines.count)
        var origins: [LogicalLine.Origin] = []
        origins.reserveCapacity(lines.count)
        // A joined line to make canonical is copied here first (kept from line to line).
        var scratch: [Unicode.Scalar] = []
        buffer.withUnsafeMutableBufferPointer { buffer in
            // Where the next logical line is written; never after the next physical line's start.
            var w = 0
            var i = 0
            while i < lines.count {
                let first = lines[i]
                if first.isBlank {
                    i += 1
                    continue
                }
                let lineStart = w
                let originStart = origins.count
                w = Self.move(buffer, first.trimmed, to: w)
                origins.append(LogicalLine.Origin(offset: 0, line: first.number))
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
                    // `last` now stands at the end of the line written so far; `lines[j]` is
                    // still where it was read.
                    let joins = shouldJoin(last, lastScalar: buffer[w - 1], lines[j],
                                           UnsafeBufferPointer(rebasing: buffer[lines[j].trimmed]),
                                           current: UnsafeBufferPointer(rebasing: buffer[lineStart..<w]), wrap: wrap)
                    guard joins else { break }
                    origins.append(LogicalLine.Origin(offset: w - lineStart, line: lines[j].number))
                    w = Self.move(buffer, lines[j].trimmed, to: w)
                    mayHoldSeparators = mayHoldSeparators || lines[j].mayHoldSeparators
                    last = lines[j]
                    next = j + 1
                }
                // Numbers are made canonical only now, when both halves of a cut number are here.
                // Trimmed lines neither start nor end with a space, so a join of lines without
                // separators has none either.
                if mayHoldSeparators && !ScalarFolding.hasCanonicalNumbers(UnsafeBufferPointer(rebasing: buffer[lineStart..<w])) {
                    scratch.removeAll(keepingCapacity: true)
                    scratch.append(contentsOf: buffer[lineStart..<w])
                    // The first origin, at offset 0, stays there: nothing is dropped before it.
                    let kept = scratch.withUnsafeMutableBufferPointer { source in
                        origins.withUnsafeMutableBufferPointer { all in
                            ScalarFolding.canonicalNumbers(source, into: UnsafeMutableBufferPointer(rebasing: buffer[lineStart..<w]),
                                                           origins: UnsafeMutableBufferPointer(rebasing: all[(originStart + 1)...]))
                        }
                    }
                    w = lineStart + kept
                }
                spans.append(NormalizedText.Span(scalars: lineStart..<w, origins: originStart..<origins.count,
                                                 wasMarkdownHeading: first.heading))
                i = next
            }
        }
        return NormalizedText(scalars: buffer, spans: spans, origins: origins, physicalLineCount: physicalLineCount,
                              wasHardWrapped: wrap != nil)
    }

    /// Moves `buffer[range]` to `w` (at or before `range`'s start); returns where it ends.
    @inline(__always)
    private static func move(_ buffer: UnsafeMutableBufferPointer<Unicode.Scalar>, _ range: Range<Int>, to w: Int) -> Int {
        precondition(w <= range.lowerBound && range.upperBound <= buffer.count)
        if w < range.lowerBound, let base = buffer.baseAddress {
            (base + w).update(from: base + range.lowerBound, count: range.count)
        }
        return w + range.count
    }

    /// Whether line `b` (its scalars `bt`) continues line `a`, whose last scalar is `aLast`;
    /// `current` is the logical line so far, which ends with `a`.
    func shouldJoin(_ a: PhysicalLines.Line, lastScalar aLast: Unicode.Scalar, _ b: PhysicalLines.Line,
                    _ bt: UnsafeBufferPointer<Unicode.Scalar>, current: UnsafeBufferPointer<Unicode.Scalar>,
                    wrap: WrapWidth?) -> Bool {
        if a.heading || b.heading { return false }
        if a.hasTab || b.hasTab { return false }
        guard !a.trimmed.isEmpty, !bt.isEmpty else { return false }
        let bFirst = bt[0]
        // The cheap look first: a line that ends a sentence is not cut.
        if Self.isSentenceEnder(aLast) { return false }
        let bStartsUnit = bFirst == "万" || bFirst == "元" || bFirst == "%"
        let bStartsNumber = ScalarFolding.isDigit(bFirst) || bFirst == "." || bFirst == "．"
            || (bFirst == "-" && bt.count > 1 && ScalarFolding.isDigit(bt[1]))
        // Without a wrap width, only a number or a unit starting `b` joins (every rule below
        // asks for one): most line pairs are settled here, before the looks at their texts.
        if wrap == nil && !bStartsUnit && !bStartsNumber { return false }
        if isListMarker(bt) || Self.startsWithOrdinal(bt[...]) { return false }
        let aEndsInNumber = ScalarFolding.isDigit(aLast) || aLast == "." || aLast == "．" || aLast == "-"
        let full = wrap?.isFull(a) ?? false
        // The unit of a number went to the next line: `0.68` / `万元`.
        if bStartsUnit && (aEndsInNumber || aLast == "万") { return true }
        // A number was cut: `3332.` / `37万元`, `下降-` / `73.50%`.
        if (aLast == "." || aLast == "．" || aLast == "-") && bStartsNumber { return true }
        if ScalarFolding.isDigit(aLast) && bStartsNumber && full { return true }
        // No prose line starts with a decimal point: `本年支出合计3332` / `.37万元`.
        if ScalarFolding.isDigit(aLast), bFirst == "." || bFirst == "．", bt.count > 1, ScalarFolding.isDigit(bt[1]) {
            return true
        }
        // A label whose number went to the next line: `本年支出决算合计` / `4499.46万元`.
        if bStartsNumber && !aEndsInNumber && !isOrdinalHeading(current) && !a.heading
            && (isCJK(aLast) || aLast == "，" || aLast == "、" || aLast == "（" || aLast == "：") {
            return aLast != "：" || !Self.isCountingSentence(current[...])
        }
        // Hard-wrapped text: a full line continues on the next; so does a short piece that
        // already continues a paragraph and does not end it (a line wrapped twice).
        if full { return true }
        if wrap != nil, current.count > a.trimmed.count, !isOrdinalHeading(current), HeadingParser.level(of: bt) == nil {
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
    static func isCountingSentence(_ s: [Unicode.Scalar]) -> Bool { s.withUnsafeBufferPointer { isCountingSentence($0[...]) } }

    static func isCountingSentence(_ s: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> Bool {
        s.count >= 3 && s.suffix(3).elementsEqual("其中：".unicodeScalars)
            || s.suffix(3).elementsEqual("包括：".unicodeScalars)
    }

    /// `（七）`, `七、`, `第二部分`, `1、`, `1.`, `(1)`, `（1）`: the start of a heading or an item.
    static func startsWithOrdinal(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        t.withUnsafeBufferPointer { startsWithOrdinal($0[...]) }
    }

    static func startsWithOrdinal(_ t: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> Bool {
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

    private func isListMarker(_ t: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard let f = t.first else { return false }
        if (f == "-" || f == "*" || f == "•"), t.count > 1, ScalarFolding.isSpace(t[1]) { return true }
        return false
    }

    /// A line such as `三、支出决算情况说明` or `（二）政府采购支出情况` is a heading.
    private func isOrdinalHeading(_ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        HeadingParser.level(of: s) != nil
    }

    func isCJK(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0x20000...0x2FFFF).contains(s.value)
    }
}
