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
        if let result = text.utf8.withContiguousStorageIfAvailable({ normalize(utf8Buffer: $0) }) { return result }
        return normalize(utf8: Array(text.utf8))
    }

    /// Normalizes UTF-8 text (as `TextDecoder` validated it; an ill-formed sequence reads as
    /// U+FFFD).
    public func normalize(utf8 bytes: [UInt8]) -> NormalizedText {
        bytes.withUnsafeBufferPointer { normalize(utf8Buffer: $0) }
    }

    private func normalize(utf8Buffer bytes: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        // The decoded scalars become the buffer of the physical lines: each line is folded
        // where it was decoded (folding never lengthens a line), so no scalar is copied again.
        let decoded = Self.decodeCountingLineFeeds(bytes)
        var collector = PhysicalLineCollector(scalars: decoded.scalars, expectedLines: decoded.lineFeeds + 1)
        let count = collector.lines.scalars.count
        // Split on \r\n, \r, \n; `split` with a closure would merge \r\n badly, so scan.
        var lineStart = 0
        var i = 0
        while i < count {
            let s = collector.lines.scalars[i]
            // Only the three ASCII breaks end a line.
            guard s.value <= 0x0D, s == "\n" || s == "\r" || s == "\u{0C}" else {
                i += 1
                continue
            }
            if s == "\u{0C}" {
                // A form feed also ends the line it is on when text follows it; it is never
                // part of a line.
                if lineStart < i { collector.addLine(lineStart..<i) }
                i += 1
            } else {
                collector.addLine(lineStart..<i)
                i += s == "\r" && i + 1 < count && collector.lines.scalars[i + 1] == "\n" ? 2 : 1
            }
            lineStart = i
        }
        if lineStart < count { collector.addLine(lineStart..<count) }
        let kept = WatermarkFilter.removingWatermarks(collector.lines)
        let joined = LineJoiner().join(kept)
        return NormalizedText(lines: joined.lines, physicalLineCount: collector.number, wasHardWrapped: joined.hardWrapped)
    }

    /// The scalars of UTF-8 bytes, line breaks included, and the number of line feeds met on the
    /// way (the collector reserves its lines at once: growing the array of lines, copy after copy,
    /// cost more than counting).
    ///
    /// Written by index into uninitialized memory of the bytes' length: iterating
    /// `String.UnicodeScalarView`, or appending each scalar, cost about fifty instructions a
    /// scalar, and an array filled first with zeros was a write of four bytes per byte more.
    /// Bounds-safe by construction: every scalar takes at least one byte, so the write index
    /// `w` never passes the read index `i < count`, and the capacity is `count`.
    static func decodeCountingLineFeeds(_ bytes: UnsafeBufferPointer<UInt8>) -> (scalars: [Unicode.Scalar], lineFeeds: Int) {
        let count = bytes.count
        var lineFeeds = 0
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { scalars, initialized in
            var w = 0
            var i = 0
            while i < count {
                let lead = bytes[i]
                if lead < 0x80 {
                    if lead == 0x0A { lineFeeds += 1 }
                    scalars[w] = Unicode.Scalar(lead)
                    w += 1
                    i += 1
                    continue
                }
                // Three bytes: the ideographs and CJK punctuation that make up most of a report.
                if lead & 0xF0 == 0xE0, i + 2 < count {
                    let b1 = bytes[i + 1]
                    let b2 = bytes[i + 2]
                    let value = UInt32(lead & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
                    if b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, value >= 0x800, let scalar = Unicode.Scalar(value) {
                        scalars[w] = scalar
                        w += 1
                        i += 3
                        continue
                    }
                }
                let decoded = decodeMultiByte(bytes, at: i)
                scalars[w] = decoded.scalar
                w += 1
                i += decoded.length
            }
            initialized = w
        }
        return (scalars, lineFeeds)
    }

    /// The scalar of the multi-byte UTF-8 sequence whose lead byte is at `i`, and its length;
    /// U+FFFD of length 1 for an ill-formed or cut sequence.
    static func decodeMultiByte(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(bytes[i])
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF:
            length = 2
            value = lead & 0x1F
        case 0xE0...0xEF:
            length = 3
            value = lead & 0x0F
        case 0xF0...0xF4:
            length = 4
            value = lead & 0x07
        default:
            return ("\u{FFFD}", 1)
        }
        guard i + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for k in (i + 1)..<(i + length) {
            let byte = UInt32(bytes[k])
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | byte & 0x3F
        }
        // Overlong forms and surrogates are ill-formed.
        let shortest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x1_0000
        guard value >= shortest, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
        return (scalar, length)
    }
}

/// Numbers, folds and measures the physical lines of a file as the scan finds them.
///
/// All lines stay in one buffer, the decoded text: each line is measured and folded where it
/// is, and the line breaks between lines are simply never part of a line's range. An array
/// per line was an allocation (and a free) per line, more than all the folding; copying every
/// line into a second buffer was a copy of the whole text.
private struct PhysicalLineCollector {
    /// The decoded text, then the folded lines in it.
    var lines = PhysicalLines()
    /// The number of the last line ended (1-based), so the count of lines so far.
    var number = 0

    init(scalars: [Unicode.Scalar], expectedLines: Int) {
        lines.scalars = scalars
        lines.lines.reserveCapacity(expectedLines)
    }

    /// Adds the line at `range` of the buffer (its scalars as the file has them, without the
    /// line break): measures, folds and numbers it.
    mutating func addLine(_ range: Range<Int>) {
        number += 1
        let width = WrapWidth.measureRaw(lines.scalars[range])
        let folded = ScalarFolding.fold(&lines.scalars, range)
        lines.appendLine(range.lowerBound..<folded.end, number: number, heading: folded.heading,
                         rawCharacters: width.characters, rawColumns: width.columns)
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
        /// False when the trimmed line holds no comma, space, `，`, `－` or `．`: then neither it
        /// nor a join of such lines has a number to make canonical, and the joiner skips the
        /// look for one (`ScalarFolding.hasCanonicalNumbers`).
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
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, ScalarFolding.isSpace(scalars[lo]) { lo += 1 }
        while hi > lo, ScalarFolding.isSpace(scalars[hi - 1]) { hi -= 1 }
        var hasTab = false
        var isBlank = true
        var mayHoldSeparators = false
        for k in lo..<hi {
            let v = scalars[k].value
            // Ideographs and CJK punctuation: neither tab nor space nor separator.
            if v > 0x3000 && v <= 0xA4CF {
                isBlank = false
            } else if v == 0x09 {
                hasTab = true
            } else {
                let space = ScalarFolding.isSpace(scalars[k])
                if space || v == 0x2C || (v >= 0xFF0C && v <= 0xFF0E) { mayHoldSeparators = true }
                if isBlank, !space { isBlank = false }
            }
        }
        lines.append(Line(range: range, trimmed: lo..<hi, number: number, heading: heading,
                          rawCharacters: rawCharacters, rawColumns: rawColumns, hasTab: hasTab, isBlank: isBlank,
                          mayHoldSeparators: mayHoldSeparators))
    }

    /// The trimmed scalars of line `k`.
    func trimmed(_ k: Int) -> ArraySlice<Unicode.Scalar> { scalars[lines[k].trimmed] }
}
