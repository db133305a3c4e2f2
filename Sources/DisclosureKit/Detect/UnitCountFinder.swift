/// Finds how many budget units a report's figures cover, from the template's sentence on
/// the report's scope:
///
/// - `纳入本部门（单位）决算编制范围的预算单位共计 1 家` → 1
/// - `纳入本部门**2024**年部门汇总预算编制范围的预算单位共**4**家` → 4
///
/// Why: a department's consolidated budget and its own unit's final accounts cover different
/// units, so a budget-against-final comparison needs to say so (`4 家` against `1 家`).
/// Read with the rest of the metadata (`ReportMetadata.unitCount`). Only the sentence about the *compilation scope* counts (`编制范围` before
/// `单位共`): `本部门包括…本级及下设独立预算单位共有 3 家` describes the organisation, not
/// the units whose figures the report adds up, and is ignored.
///
/// Pure and total: any text gives a number or nil; never traps.
public enum UnitCountFinder {
    /// How far before `单位共` the words `编制范围` may stand (in characters, within one sentence).
    static let scopeWindow = 60

    /// The unit count the text states, or nil when it states none.
    ///
    /// Walks the text's Unicode scalars in place: an array of its `Character`s cost 16 bytes per
    /// character (1.6 GB for a 100 MB report) and slowed every lookup.
    public static func unitCount(in text: String) -> Int? {
        unitCount(scalars: text.unicodeScalars)
    }

    /// `unitCount(in:)` of the lines joined with line breaks.
    ///
    /// `单位共` cannot span a line break, so a text none of whose lines holds it states no count:
    /// the lines are read only at their anchors (the look back for `编制范围` reaches at most
    /// `scopeWindow` scalars before the first; the read of the count goes on across lines).
    static func unitCount(inLines lines: NormalizedText.Lines) -> Int? {
        var anchors: [JoinedLines.Index] = []
        for line in lines.indices {
            let s = lines[line].scalars
            for k in s.indices where isAnchor(s, at: k) { anchors.append(JoinedLines.Index(line: line, offset: k)) }
        }
        return unitCount(inLines: lines, anchors: anchors)
    }

    /// `unitCount(inLines:)` when `anchors` are where `单位共` starts in `lines`, all of them in
    /// order (`MetadataReading` notes them in its pass): the lines between them are not read again.
    static func unitCount(inLines lines: NormalizedText.Lines, anchors: [JoinedLines.Index]) -> Int? {
        guard let first = anchors.first?.line else { return nil }
        var from = first
        var before = 0
        while from > 0, before < scopeWindow {
            from -= 1
            before += lines[from].scalars.count + 1
        }
        // `unitCount(scalars:)` of the lines from there joined, read in place (a copy of the
        // text to its end cost more than the reading): its anchors are the joined text's, since
        // none spans a line break.
        let joined = JoinedLines(lines: lines, from: from)
        for anchor in anchors {
            if namesCompilationScope(joined, before: anchor),
               let count = count(joined, from: joined.index(after: JoinedLines.Index(line: anchor.line, offset: anchor.offset + 2))) {
                return count
            }
        }
        return nil
    }

    /// Whether `单位共` starts at `i`.
    @inline(__always)
    static func isAnchor(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        i + 2 < s.count && s[i] == "单" && s[i + 1] == "位" && s[i + 2] == "共"
    }

    static func unitCount<C: BidirectionalCollection<Unicode.Scalar>>(scalars: C) -> Int? {
        var index = scalars.startIndex
        while index < scalars.endIndex {
            defer { index = scalars.index(after: index) }
            guard scalars[index] == "单" else { continue }
            let second = scalars.index(after: index)
            guard second < scalars.endIndex, scalars[second] == "位" else { continue }
            let third = scalars.index(after: second)
            guard third < scalars.endIndex, scalars[third] == "共" else { continue }
            guard namesCompilationScope(scalars, before: index) else { continue }
            if let count = count(scalars, from: scalars.index(after: third)) { return count }
        }
        return nil
    }

    /// Whether `编制范围` stands in the same sentence, at most `scopeWindow` scalars before `position`.
    ///
    /// Matched while walking back, last scalar first: the words' scalars are all different, so
    /// a scalar that does not continue the match can only start a new one. The window was copied
    /// into an array, reversed and searched (thousands of instructions an anchor).
    static func namesCompilationScope<C: BidirectionalCollection<Unicode.Scalar>>(_ scalars: C, before position: C.Index) -> Bool {
        // `编制范围` backwards.
        let words: (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar) = ("围", "范", "制", "编")
        var matched = 0
        var read = 0
        var index = position
        while index > scalars.startIndex, read < scopeWindow {
            index = scalars.index(before: index)
            let scalar = scalars[index]
            if scalar == "。" || scalar == "；" { break }
            read += 1
            let expected = matched == 0 ? words.0 : matched == 1 ? words.1 : matched == 2 ? words.2 : words.3
            if scalar == expected {
                matched += 1
                if matched == 4 { return true }
            } else {
                matched = scalar == words.0 ? 1 : 0
            }
        }
        return false
    }

    /// Reads `计 1 家`, `有**4**家`, `计１家`, `共三家` after the anchor: an optional 计/有, then a
    /// number (ASCII, full-width or Chinese numerals up to 99) and 家 or 个, with spaces,
    /// line breaks and markdown `*` allowed in between.
    static func count<C: BidirectionalCollection<Unicode.Scalar>>(_ scalars: C, from start: C.Index) -> Int? {
        var index = start
        func current() -> Unicode.Scalar? { index < scalars.endIndex ? scalars[index] : nil }
        func advance() { index = scalars.index(after: index) }
        func skipFiller() {
            while let c = current(), c.properties.isWhitespace || c == "*" { advance() }
        }
        skipFiller()
        if let c = current(), c == "计" || c == "有" { advance() }
        skipFiller()
        var value = 0
        var digits = 0
        while digits < 6, let c = current(), let digit = digitValue(c) {
            value = value * 10 + digit
            digits += 1
            advance()
        }
        if digits == 0 {
            var numerals: [Unicode.Scalar] = []
            while numerals.count < 3, let c = current(), chineseNumerals[c] != nil {
                numerals.append(c)
                advance()
            }
            guard let number = chineseNumber(numerals) else { return nil }
            value = number
        } else if let c = current(), digitValue(c) != nil {
            // More than six digits: not a count of units.
            return nil
        }
        skipFiller()
        guard let c = current(), c == "家" || c == "个" else { return nil }
        return value
    }

    /// `7` or `７` → 7; anything else nil.
    static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
        default: return nil
        }
    }

    static let chineseNumerals: [Unicode.Scalar: Int] = [
        "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    ]

    /// `三` 3, `十二` 12, `二十` 20, `二十三` 23; nil for anything else.
    static func chineseNumber(_ numerals: [Unicode.Scalar]) -> Int? {
        let values = numerals.compactMap { chineseNumerals[$0] }
        guard values.count == numerals.count, !values.isEmpty else { return nil }
        switch values.count {
        case 1:
            return values[0]
        case 2 where values[0] == 10 && values[1] < 10:
            return 10 + values[1]
        case 2 where values[0] < 10 && values[1] == 10:
            return values[0] * 10
        case 3 where values[0] < 10 && values[1] == 10 && values[2] < 10:
            return values[0] * 10 + values[2]
        default:
            return nil
        }
    }
}

/// Lines `from...` of a text read as one, with a line break between each two: the text
/// `UnitCountFinder.unitCount(scalars:)` reads from a report, without copying it.
struct JoinedLines: BidirectionalCollection {
    let lines: NormalizedText.Lines
    let from: Int

    /// A scalar of a line (`offset` below its length) or the break after it (`offset` equal to
    /// its length, on every line but the last). `endIndex` is past the last line.
    struct Index: Comparable {
        let line: Int
        let offset: Int
        static func < (a: Index, b: Index) -> Bool { (a.line, a.offset) < (b.line, b.offset) }
    }

    private func length(_ line: Int) -> Int { lines.spans[line].scalars.count }

    /// The position at (`line`, `offset`), or the next one when nothing stands there.
    private func position(_ line: Int, _ offset: Int) -> Index {
        guard line < lines.count else { return endIndex }
        if offset < length(line) { return Index(line: line, offset: offset) }
        return line == lines.count - 1 ? endIndex : Index(line: line, offset: length(line))
    }

    var startIndex: Index { position(from, 0) }
    var endIndex: Index { Index(line: lines.count, offset: 0) }

    subscript(i: Index) -> Unicode.Scalar {
        i.offset < length(i.line) ? lines.scalars[lines.spans[i.line].scalars.lowerBound + i.offset] : "\n"
    }

    func index(after i: Index) -> Index {
        i.offset < length(i.line) ? position(i.line, i.offset + 1) : position(i.line + 1, 0)
    }

    func index(before i: Index) -> Index {
        if i.offset > 0 { return Index(line: i.line, offset: i.offset - 1) }
        if i.line == lines.count {
            // Before the end: the last line's last scalar, or the break before an empty last line.
            let last = lines.count - 1
            return length(last) > 0 ? Index(line: last, offset: length(last) - 1) : Index(line: last - 1, offset: length(last - 1))
        }
        // The break after the line before.
        return Index(line: i.line - 1, offset: length(i.line - 1))
    }
}
