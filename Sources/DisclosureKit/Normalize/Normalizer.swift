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
        var physical: [PhysicalLine] = []
        var lineNumber = 0
        var page = 1
        // Split on \r\n, \r, \n; `split` with a closure would merge \r\n badly, so scan.
        // Each line is a slice of the text (no copying scalar by scalar).
        let scalars = text.unicodeScalars
        var lineStart = scalars.startIndex
        var index = scalars.startIndex
        var pendingPageBreak = false
        func flush(upTo end: String.Index) {
            lineNumber += 1
            let line = Substring(scalars[lineStart..<end])
            let folded = ScalarFolding.fold(line)
            let width = WrapWidth.measureRaw(line)
            physical.append(PhysicalLine(scalars: folded.scalars, number: lineNumber, page: page, heading: folded.heading,
                                         rawCharacters: width.characters, rawColumns: width.columns))
            if pendingPageBreak {
                page += 1
                pendingPageBreak = false
            }
        }
        while index < scalars.endIndex {
            let s = scalars[index]
            let next = scalars.index(after: index)
            if s == "\n" {
                flush(upTo: index)
                lineStart = next
            } else if s == "\r" {
                flush(upTo: index)
                lineStart = next < scalars.endIndex && scalars[next] == "\n" ? scalars.index(after: next) : next
                index = lineStart
                continue
            } else if s == "\u{0C}" {
                pendingPageBreak = true
                // A form feed also ends the line it is on when text follows it; it is never
                // part of a line.
                if lineStart < index { flush(upTo: index) }
                lineStart = next
            }
            index = next
        }
        if lineStart < scalars.endIndex { flush(upTo: scalars.endIndex) }
        let kept = WatermarkFilter.removingWatermarks(physical)
        let joined = LineJoiner().join(kept)
        return NormalizedText(lines: joined.lines, physicalLineCount: lineNumber, wasHardWrapped: joined.hardWrapped)
    }
}

/// A folded line of the file with its 1-based number and page.
struct PhysicalLine: Sendable {
    var scalars: [Unicode.Scalar]
    let number: Int
    let page: Int
    let heading: Bool
    /// The width of the line as the file has it (before folding), in scalars and columns:
    /// hard wrapping is a property of the original layout.
    var rawCharacters: Int = 0
    var rawColumns: Int = 0

    var isBlank: Bool { scalars.allSatisfy { ScalarFolding.isSpace($0) || $0 == "\t" } }

    var trimmed: ArraySlice<Unicode.Scalar> {
        var lo = 0
        var hi = scalars.count
        while lo < hi, ScalarFolding.isSpace(scalars[lo]) { lo += 1 }
        while hi > lo, ScalarFolding.isSpace(scalars[hi - 1]) { hi -= 1 }
        return scalars[lo..<hi]
    }
}
