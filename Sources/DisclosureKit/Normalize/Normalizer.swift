/// Turns decoded report text into `NormalizedText`: one canonical text per report, with a
/// map back to the original line numbers.
///
/// Steps, each general (no rule knows a particular report):
/// 1. split on CR, LF or CRLF; a form feed starts a new page (pdftotext's page break);
/// 2. fold each line (`ScalarFolding`): full-width digits, markdown marks, thousands separators;
/// 3. drop watermark lines: a short line without digits repeated many times (`仅供内部审核`);
/// 4. join lines that a converter cut (`LineJoiner`).
public struct Normalizer: Sendable {
    public init() {}

    public func normalize(_ text: String) -> NormalizedText {
        normalize(utf8: Array(text.utf8))
    }

    /// Normalizes UTF-8 text (as `TextDecoder` validated it; an ill-formed sequence reads as
    /// U+FFFD).
    ///
    /// The bytes are decoded here, in one pass: iterating `String.UnicodeScalarView` and
    /// appending each scalar to the line cost about fifty instructions a scalar.
    public func normalize(utf8 bytes: [UInt8]) -> NormalizedText {
        // Split on \r\n, \r, \n; `split` with a closure would merge \r\n badly, so scan.
        // Each line is gathered in one reused buffer, then folded and measured from there.
        var collector = PhysicalLineCollector()
        var line: [Unicode.Scalar] = []
        var afterCR = false
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            guard lead < 0x80 else {
                let decoded = Self.decodeMultiByte(bytes, at: i)
                line.append(decoded.scalar)
                i += decoded.length
                afterCR = false
                continue
            }
            i += 1
            if afterCR {
                afterCR = false
                if lead == 0x0A { continue }
            }
            switch lead {
            case 0x0A:
                collector.add(line)
                line.removeAll(keepingCapacity: true)
            case 0x0D:
                collector.add(line)
                line.removeAll(keepingCapacity: true)
                afterCR = true
            case 0x0C:
                collector.pendingPageBreak = true
                // A form feed also ends the line it is on when text follows it; it is never
                // part of a line.
                if !line.isEmpty {
                    collector.add(line)
                    line.removeAll(keepingCapacity: true)
                }
            default:
                line.append(Unicode.Scalar(lead))
            }
        }
        if !line.isEmpty { collector.add(line) }
        let kept = WatermarkFilter.removingWatermarks(collector.lines)
        let joined = LineJoiner().join(kept)
        return NormalizedText(lines: joined.lines, physicalLineCount: collector.number, wasHardWrapped: joined.hardWrapped)
    }

    /// The scalar of the multi-byte UTF-8 sequence whose lead byte is at `i`, and its length;
    /// U+FFFD of length 1 for an ill-formed or cut sequence.
    static func decodeMultiByte(_ bytes: [UInt8], at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
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

/// Numbers, pages and folds the physical lines of a file as the scan finds them.
private struct PhysicalLineCollector {
    var lines: [PhysicalLine] = []
    /// The number of the last line added (1-based), so the count of lines so far.
    var number = 0
    var page = 1
    /// A form feed was seen: the page changes after the next line added.
    var pendingPageBreak = false

    mutating func add(_ raw: [Unicode.Scalar]) {
        number += 1
        let folded = ScalarFolding.fold(raw)
        let width = WrapWidth.measureRaw(raw)
        lines.append(PhysicalLine(scalars: folded.scalars, number: number, page: page, heading: folded.heading,
                                  rawCharacters: width.characters, rawColumns: width.columns))
        if pendingPageBreak {
            page += 1
            pendingPageBreak = false
        }
    }
}

/// A folded line of the file with its 1-based number and page.
///
/// What the joiner asks of a line again and again (its trimmed bounds, whether it is blank or
/// holds a tab) is found once, when the line is made.
struct PhysicalLine: Sendable {
    let scalars: [Unicode.Scalar]
    let number: Int
    let page: Int
    let heading: Bool
    /// The width of the line as the file has it (before folding), in scalars and columns:
    /// hard wrapping is a property of the original layout.
    let rawCharacters: Int
    let rawColumns: Int
    /// `scalars` without leading and trailing spaces: `trimmedStart..<trimmedEnd`.
    let trimmedStart: Int
    let trimmedEnd: Int
    /// True when the line holds a tab (a table row).
    let hasTab: Bool
    /// True when the line holds nothing but spaces and tabs.
    let isBlank: Bool

    init(scalars: [Unicode.Scalar], number: Int, page: Int, heading: Bool, rawCharacters: Int = 0, rawColumns: Int = 0) {
        self.scalars = scalars
        self.number = number
        self.page = page
        self.heading = heading
        self.rawCharacters = rawCharacters
        self.rawColumns = rawColumns
        var lo = 0
        var hi = scalars.count
        while lo < hi, ScalarFolding.isSpace(scalars[lo]) { lo += 1 }
        while hi > lo, ScalarFolding.isSpace(scalars[hi - 1]) { hi -= 1 }
        trimmedStart = lo
        trimmedEnd = hi
        var hasTab = false
        var isBlank = true
        for k in lo..<hi {
            let s = scalars[k]
            if s == "\t" {
                hasTab = true
            } else if isBlank, !ScalarFolding.isSpace(s) {
                isBlank = false
            }
        }
        self.hasTab = hasTab
        self.isBlank = isBlank
    }

    var trimmed: ArraySlice<Unicode.Scalar> { scalars[trimmedStart..<trimmedEnd] }

    /// The same line emptied (a watermark): it keeps its number, page and raw width.
    func blanked() -> PhysicalLine {
        PhysicalLine(scalars: [], number: number, page: page, heading: heading,
                     rawCharacters: rawCharacters, rawColumns: rawColumns)
    }
}
