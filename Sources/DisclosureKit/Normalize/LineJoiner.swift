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
    /// joined from several is written piece by piece as it grows. A physical line gives at most
    /// one span and one origin, so both are written in place into arrays of as many as there
    /// are lines, and the lines are read where they are (a copy of a line was nine words).
    func join(_ physical: consuming PhysicalLines, physicalLineCount: Int) -> NormalizedText {
        var buffer: [Unicode.Scalar] = []
        // The buffer taken out of `physical`, so that writing to it copies nothing.
        swap(&buffer, &physical.scalars)
        let lines = physical.lines
        let wrap = WrapWidth.detect(lines)
        var spans: [NormalizedText.Span] = []
        let origins = [LogicalLine.Origin](unsafeUninitializedCapacity: lines.count) { originBuffer, originCount in
            let origins = originBuffer
            spans = [NormalizedText.Span](unsafeUninitializedCapacity: lines.count) { spanBuffer, spanCount in
                let spans = spanBuffer
                lines.withUnsafeBufferPointer { lines in
                    buffer.withUnsafeMutableBufferPointer { buffer in
                        let counts = joinLines(lines, into: buffer, spans: spans, origins: origins, wrap: wrap)
                        spanCount = counts.spans
                        originCount = counts.origins
                    }
                }
            }
        }
        return NormalizedText(scalars: buffer, spans: spans, origins: origins, physicalLineCount: physicalLineCount,
                              wasHardWrapped: wrap != nil)
    }

    /// `join` on the buffers: writes the logical lines over `buffer`, their spans and origins
    /// from the start of `spans` and `origins` (room for one of each per line); returns how many.
    private func joinLines(_ lines: UnsafeBufferPointer<PhysicalLines.Line>, into buffer: UnsafeMutableBufferPointer<Unicode.Scalar>,
                           spans: UnsafeMutableBufferPointer<NormalizedText.Span>,
                           origins: UnsafeMutableBufferPointer<LogicalLine.Origin>, wrap: WrapWidth?) -> (spans: Int, origins: Int) {
        var spanCount = 0
        var originCount = 0
        // Where the next logical line is written; never after the next physical line's start.
        var w = 0
        var i = 0
        while i < lines.count {
            if lines[i].isBlank {
                i += 1
                continue
            }
            let lineStart = w
            let originStart = originCount
            w = Self.move(buffer, lines[i].trimmed, to: w)
            origins[originCount] = LogicalLine.Origin(offset: 0, line: lines[i].number)
            originCount += 1
            var mayHoldSeparators = lines[i].mayHoldSeparators
            var last = i
            var next = i + 1
            // `shouldJoin`'s first looks, made here before its call, most pairs settled by them:
            // a heading or a table row is never joined (asked once of the line, and of each
            // line before it joins), nor is a line that ends a sentence cut.
            let mayJoin = !lines[i].heading && !lines[i].hasTab
            while mayJoin, !Self.isSentenceEnder(buffer[w - 1]) {
                // Find the next non-blank line within the gap.
                var j = next
                var blanks = 0
                while j < lines.count, lines[j].isBlank, blanks <= maxBlankGap {
                    blanks += 1
                    j += 1
                }
                guard j < lines.count, !lines[j].isBlank, blanks <= maxBlankGap else { break }
                if lines[j].heading || lines[j].hasTab { break }
                // Without a wrap width only a number or a unit can continue a line
                // (`shouldJoin`'s first test of `b`), and most lines start with neither.
                if wrap == nil && !Self.mayContinueUnwrapped(buffer[lines[j].trimmed.lowerBound]) { break }
                // `lines[last]` now stands at the end of the line written so far; `lines[j]` is
                // still where it was read.
                let joins = shouldJoin(lines, last, lastScalar: buffer[w - 1], j, UnsafeBufferPointer(rebasing: buffer[lines[j].trimmed]),
                                       current: UnsafeBufferPointer(rebasing: buffer[lineStart..<w]), wrap: wrap)
                guard joins else { break }
                origins[originCount] = LogicalLine.Origin(offset: w - lineStart, line: lines[j].number)
                originCount += 1
                w = Self.move(buffer, lines[j].trimmed, to: w)
                mayHoldSeparators = mayHoldSeparators || lines[j].mayHoldSeparators
                last = j
                next = j + 1
            }
            // Numbers are made canonical only now, when both halves of a cut number are here.
            // Trimmed lines neither start nor end with a space, so a join of lines without
            // separators has none either. The first origin, at offset 0, stays there: nothing
            // is dropped before it.
            if mayHoldSeparators {
                w = lineStart + ScalarFolding.makeNumbersCanonical(
                    UnsafeMutableBufferPointer(rebasing: buffer[lineStart..<w]),
                    origins: UnsafeMutableBufferPointer(rebasing: origins[(originStart + 1)..<originCount]))
            }
            spans[spanCount] = NormalizedText.Span(scalars: lineStart..<w, origins: originStart..<originCount,
                                                   wasMarkdownHeading: lines[i].heading)
            spanCount += 1
            i = next
        }
        return (spanCount, originCount)
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
    /// `current` is the logical line so far, which ends with `a`. The lines are read where they
    /// are in `lines`.
    func shouldJoin(_ lines: UnsafeBufferPointer<PhysicalLines.Line>, _ a: Int, lastScalar aLast: Unicode.Scalar, _ b: Int,
                    _ bt: UnsafeBufferPointer<Unicode.Scalar>, current: UnsafeBufferPointer<Unicode.Scalar>,
                    wrap: WrapWidth?) -> Bool {
        if lines[a].heading || lines[b].heading { return false }
        if lines[a].hasTab || lines[b].hasTab { return false }
        guard !lines[a].trimmed.isEmpty, !bt.isEmpty else { return false }
        let bFirst = bt[0]
        // The cheap look first: a line that ends a sentence is not cut.
        if Self.isSentenceEnder(aLast) { return false }
        let bStartsUnit = bFirst == "万" || bFirst == "元" || bFirst == "%"
        let bStartsNumber = ScalarFolding.isDigit(bFirst) || bFirst == "." || bFirst == "．"
            || (bFirst == "-" && bt.count > 1 && ScalarFolding.isDigit(bt[1]))
        // Without a wrap width, only a number or a unit starting `b` joins (every rule below
        // asks for one): most line pairs are settled here, before the looks at their texts.
        if wrap == nil && !bStartsUnit && !bStartsNumber { return false }
        // `startsWithOrdinal`'s first test here, where most lines settle, without the call.
        if isListMarker(bt) || (Self.mayStartOrdinal(bFirst) && Self.startsWithOrdinal(bt[...])) { return false }
        let aEndsInNumber = ScalarFolding.isDigit(aLast) || aLast == "." || aLast == "．" || aLast == "-"
        let full = wrap?.isFull(lines[a]) ?? false
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
        if bStartsNumber && !aEndsInNumber && !isOrdinalHeading(current) && !lines[a].heading
            && (isCJK(aLast) || aLast == "，" || aLast == "、" || aLast == "（" || aLast == "：") {
            return aLast != "：" || !Self.isCountingSentence(current[...])
        }
        // Hard-wrapped text: a full line continues on the next; so does a short piece that
        // already continues a paragraph and does not end it (a line wrapped twice).
        if full { return true }
        if wrap != nil, current.count > lines[a].trimmed.count, !isOrdinalHeading(current), HeadingParser.level(of: bt) == nil {
            return true
        }
        return false
    }

    /// Whether a line that starts with `first` may continue the line before it in text that is
    /// not hard-wrapped: only a unit or a number does (`-` only before a digit, which
    /// `shouldJoin` sees).
    @inline(__always)
    static func mayContinueUnwrapped(_ first: Unicode.Scalar) -> Bool {
        ScalarFolding.isDigit(first) || first == "万" || first == "元" || first == "%" || first == "." || first == "．"
            || first == "-"
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
        // What every rule below starts with: most lines settle here.
        guard let f = t.first, mayStartOrdinal(f) else { return false }
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

    /// Whether a line that starts with `f` may start with an ordinal (`startsWithOrdinal`'s
    /// first look): `（`, `(`, `第`, a Chinese numeral or a digit.
    @inline(__always)
    static func mayStartOrdinal(_ f: Unicode.Scalar) -> Bool {
        f == "（" || f == "(" || f == "第" || HeadingParser.isNumeral(f) || ScalarFolding.isDigit(f)
    }

    @inline(__always)
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
