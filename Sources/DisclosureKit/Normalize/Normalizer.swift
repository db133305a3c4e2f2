/// Turns decoded report text into `NormalizedText`: one canonical text per report, with a
/// map back to the original line numbers.
///
/// Steps, each general (no rule knows a particular report):
/// 1. split on CR, LF or CRLF; a form feed (pdftotext's page break) ends a line that has text before it
///    and is never part of a line (pages are `PageMap`'s, from the same rule);
/// 2. fold each line (`ScalarFolding`): full-width digits, markdown marks, thousands separators;
/// 3. drop watermark lines: a short line without digits repeated many times (`仅供内部审核`);
/// 4. join lines that a converter cut (`LineJoiner`).
public struct Normalizer: Sendable {
    public init() {}

    /// Reads the string's UTF-8 in place when it is stored contiguously (a native string
    /// always is); `Array(text.utf8)` was a copy of the whole report.
    public func normalize(_ text: String) -> NormalizedText {
        if let result = text.utf8.withContiguousStorageIfAvailable({ normalize(validUTF8: $0) }) { return result }
        return normalize(utf8: Array(text.utf8))
    }

    /// Normalizes UTF-8 text (as `TextDecoder` validated it; an ill-formed sequence reads as
    /// U+FFFD).
    public func normalize(utf8 bytes: [UInt8]) -> NormalizedText {
        bytes.withUnsafeBufferPointer { normalize(validUTF8: $0) }
    }

    /// Normalizes bytes that may not be UTF-8; nil when they hold an ill-formed sequence (then
    /// the text is another encoding's, or no text).
    ///
    /// Checked after reading, not in a pass before: the reader turns each ill-formed sequence
    /// into U+FFFD, so text without U+FFFD among its scalars was well-formed, and only text
    /// with one (ill-formed, or a replacement character written as such) is validated.
    public func normalize(unvalidatedUTF8 bytes: [UInt8]) -> NormalizedText? {
        bytes.withUnsafeBufferPointer { bytes in
            let (lines, count) = PhysicalLineReader.read(bytes)
            if lines.hasReplacementCharacter && !UTF8Validator.isValid(bytes) { return nil }
            return normalize(lines, count: count)
        }
    }

    private func normalize(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        let (lines, count) = PhysicalLineReader.read(bytes)
        return normalize(lines, count: count)
    }

    /// Steps 3 and 4, on the lines read.
    private func normalize(_ lines: consuming PhysicalLines, count: Int) -> NormalizedText {
        WatermarkFilter.removeWatermarks(from: &lines)
        return LineJoiner().join(consume lines, physicalLineCount: count)
    }
}

/// A folded line of the file with its 1-based number, in an array of its own (how
/// tests build lines; `PhysicalLines` puts them into one buffer).
struct PhysicalLine: Sendable {
    var scalars: [Unicode.Scalar]
    let number: Int
    let heading: Bool
    /// The width of the line as the file has it (before folding), in scalars and columns:
    /// hard wrapping is a property of the original layout.
    var rawCharacters: Int = 0
    var rawColumns: Int = 0
}

/// The folded physical lines of a file: all scalars in one buffer, and for each line where it
/// is and what the joiner asks of it again and again (trimmed bounds, tab, blankness). The
/// buffer may hold scalars between lines (line breaks, what folding dropped): read a line
/// only through its range.
///
/// One buffer, because an array per line was an allocation and a free per line; lines as plain
/// values, because a line holding an array reference was a retain and a release per copy.
struct PhysicalLines: Sendable {
    var scalars: [Unicode.Scalar] = []
    var lines: [Line] = []
    /// True when the reader decoded a U+FFFD (an ill-formed sequence, or one written as such):
    /// the one scalar it writes that says the bytes may not be UTF-8. Found as it decodes,
    /// instead of by a search of every scalar after.
    var hasReplacementCharacter = false

    struct Line: Sendable {
        /// Where the line is in `scalars`.
        var range: Range<Int>
        /// The line without leading and trailing spaces.
        var trimmed: Range<Int>
        let number: Int
        let heading: Bool
        /// The width of the line as the file has it (before folding), in scalars and columns.
        let rawCharacters: Int
        let rawColumns: Int
        /// True when the line holds a tab (a table row).
        var hasTab: Bool
        /// True when the line holds nothing but spaces and tabs.
        var isBlank: Bool
        /// True when the trimmed line is not canonical itself (`ScalarFolding.hasCanonicalNumbers`)
        /// or starts with `，` or `．`, or ends with `，`, `－` or `．`: a join of lines none of which
        /// is so has no number to make canonical (trimmed lines neither start nor end with a
        /// space, so a separator between two lines' digits stands at the edge of one of them),
        /// and the joiner skips the look for one. Prose with `，` in it is not so: asking only
        /// for `，` anywhere sent most lines to that look.
        var mayHoldSeparators: Bool

        /// Empties the line (a watermark): it keeps its number and raw width.
        mutating func blank() {
            range = range.lowerBound..<range.lowerBound
            trimmed = range
            hasTab = false
            isBlank = true
            mayHoldSeparators = false
        }
    }

    init() {}

    /// Lines made one by one, put into one buffer.
    init(_ physical: [PhysicalLine]) {
        for line in physical {
            let start = scalars.count
            scalars.append(contentsOf: line.scalars)
            appendLine(start..<scalars.count, number: line.number, heading: line.heading,
                       rawCharacters: line.rawCharacters, rawColumns: line.rawColumns)
        }
    }

    /// Records the line already in `scalars[range]`.
    mutating func appendLine(_ range: Range<Int>, number: Int, heading: Bool, rawCharacters: Int, rawColumns: Int) {
        lines.append(scalars.withUnsafeBufferPointer {
            Line(classifying: $0, range, number: number, heading: heading, rawCharacters: rawCharacters, rawColumns: rawColumns)
        })
    }

    init(scalars: [Unicode.Scalar], lines: [Line]) {
        self.scalars = scalars
        self.lines = lines
    }

    /// The trimmed scalars of line `k`.
    func trimmed(_ k: Int) -> ArraySlice<Unicode.Scalar> { scalars[lines[k].trimmed] }
}

extension PhysicalLines.Line {
    /// The folded line at `range` of `scalars`, trimmed and looked at once (the definition
    /// `PhysicalLineReader` follows while it reads).
    init(classifying scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, number: Int, heading: Bool,
         rawCharacters: Int, rawColumns: Int) {
        let trimmed = Self.trimming(scalars, range)
        let lo = trimmed.lowerBound
        let hi = trimmed.upperBound
        var hasTab = false
        var isBlank = true
        for k in lo..<hi {
            let v = scalars[k].value
            // Ideographs and CJK punctuation: neither tab nor space.
            if v > 0x3000 && v <= 0xA4CF {
                isBlank = false
            } else if v == 0x09 {
                hasTab = true
            } else if isBlank, !ScalarFolding.isSpace(scalars[k]) {
                isBlank = false
            }
        }
        let mayHoldSeparators = lo < hi
            && (!ScalarFolding.hasCanonicalNumbers(UnsafeBufferPointer(rebasing: scalars[lo..<hi]))
                || Self.isEdgeSeparator(scalars[lo], first: true) || Self.isEdgeSeparator(scalars[hi - 1], first: false))
        self.init(range: range, trimmed: lo..<hi, number: number, heading: heading, rawCharacters: rawCharacters,
                  rawColumns: rawColumns, hasTab: hasTab, isBlank: isBlank, mayHoldSeparators: mayHoldSeparators)
    }

    /// `range` of `scalars` without its leading and trailing spaces.
    @inline(__always)
    static func trimming(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> Range<Int> {
        precondition(range.lowerBound >= 0 && range.upperBound <= scalars.count)
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, ScalarFolding.isSpace(scalars[lo]) { lo += 1 }
        while hi > lo, ScalarFolding.isSpace(scalars[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// An empty line at `position` (a break right after a break): what classifying it gives.
    @inline(__always)
    init(blankAt position: Int, number: Int) {
        self.init(range: position..<position, trimmed: position..<position, number: number, heading: false,
                  rawCharacters: 0, rawColumns: 0, hasTab: false, isBlank: true, mayHoldSeparators: false)
    }

    /// `，` or `．` first, or `，`, `－` or `．` last: a separator that a joined line's digits may
    /// stand around.
    @inline(__always)
    static func isEdgeSeparator(_ s: Unicode.Scalar, first: Bool) -> Bool {
        s.value == 0xFF0C || s.value == 0xFF0E || (!first && s.value == 0xFF0D)
    }
}
