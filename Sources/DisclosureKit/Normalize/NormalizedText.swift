/// A report as the later stages see it: logical lines of canonical text with a map back
/// to the file's line numbers.
///
/// All lines live in one buffer of scalars, each at its span, with all their origins in one
/// more array. Why not an array per line: a report has some five hundred logical lines, and
/// every stage read each line's array (a retain and a release per look), and the text's end
/// freed them one by one; the allocations, reference counts and frees of those arrays were a
/// tenth of a whole run. The stages read the lines in place (`withLines`); `lines` copies them
/// out as `LogicalLine` values, for tests and tools.
public struct NormalizedText: Sendable {
    /// The lines' scalars: line `k` is `scalars[spans[k].scalars]`. What stands between two
    /// lines (blanks, what folding dropped) is never read.
    let scalars: [Unicode.Scalar]
    let spans: [Span]
    /// Every line's origins, line `k`'s at `origins[spans[k].origins]` (offsets within the line).
    let origins: [LogicalLine.Origin]
    /// The number of physical lines in the original file.
    public let physicalLineCount: Int
    /// True when the text was recognised as hard-wrapped at a fixed width (PDF text).
    public let wasHardWrapped: Bool

    /// Where one logical line is.
    struct Span: Sendable {
        var scalars: Range<Int>
        /// Never empty: a line has at least the origin of its first physical line, at offset 0.
        var origins: Range<Int>
        var wasMarkdownHeading: Bool
    }

    init(scalars: [Unicode.Scalar], spans: [Span], origins: [LogicalLine.Origin], physicalLineCount: Int,
         wasHardWrapped: Bool) {
        self.scalars = scalars
        self.spans = spans
        self.origins = origins
        self.physicalLineCount = physicalLineCount
        self.wasHardWrapped = wasHardWrapped
    }

    /// The text of `lines`, laid out in one buffer.
    public init(lines: [LogicalLine], physicalLineCount: Int, wasHardWrapped: Bool) {
        var scalars: [Unicode.Scalar] = []
        var spans: [Span] = []
        var origins: [LogicalLine.Origin] = []
        for line in lines {
            let start = scalars.count
            let originStart = origins.count
            scalars += line.scalars
            origins += line.origins.isEmpty ? [LogicalLine.Origin(offset: 0, line: 0)] : line.origins
            spans.append(Span(scalars: start..<scalars.count, origins: originStart..<origins.count,
                              wasMarkdownHeading: line.wasMarkdownHeading))
        }
        self.init(scalars: scalars, spans: spans, origins: origins, physicalLineCount: physicalLineCount,
                  wasHardWrapped: wasHardWrapped)
    }

    /// The number of logical lines.
    public var lineCount: Int { spans.count }

    /// The logical lines, each copied out with its scalars and origins.
    public var lines: [LogicalLine] { withLines { lines in (0..<lines.count).map { lines[$0].logicalLine } } }

    /// Runs `body` with the lines read in place; the view must not escape it.
    func withLines<R>(_ body: (Lines) throws -> R) rethrows -> R {
        try scalars.withUnsafeBufferPointer { scalars in
            try spans.withUnsafeBufferPointer { spans in
                try origins.withUnsafeBufferPointer { origins in
                    try body(Lines(scalars: scalars, spans: spans, origins: origins))
                }
            }
        }
    }

    /// The logical lines of a text, read in place: `lines[k]` is line `k`, valid only inside
    /// the `withLines` call that made it.
    struct Lines {
        let scalars: UnsafeBufferPointer<Unicode.Scalar>
        let spans: UnsafeBufferPointer<Span>
        let origins: UnsafeBufferPointer<LogicalLine.Origin>

        var count: Int { spans.count }
        var indices: Range<Int> { 0..<spans.count }

        subscript(k: Int) -> LineView {
            let span = spans[k]
            return LineView(scalars: UnsafeBufferPointer(rebasing: scalars[span.scalars]),
                            origins: UnsafeBufferPointer(rebasing: origins[span.origins]),
                            wasMarkdownHeading: span.wasMarkdownHeading)
        }
    }
}

/// One logical line read in place in its text's buffers (see `NormalizedText.withLines`): what a
/// `LogicalLine` holds, without a copy. The stages read lines as these.
struct LineView {
    /// The line's scalars, indexed from 0.
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    /// Ascending (offset, 1-based line number), the first at offset 0.
    let origins: UnsafeBufferPointer<LogicalLine.Origin>
    let wasMarkdownHeading: Bool

    /// The original line number of the first physical line.
    var firstLine: Int { origins.first?.line ?? 0 }

    /// The original line number of the scalar at `offset`: the last origin at or before it
    /// (the first one for an offset before it). Binary search: a hard-wrapped paragraph joined
    /// from thousands of physical lines has thousands of origins, and every figure in it asks.
    func line(at offset: Int) -> Int {
        guard origins.count > 1 else { return firstLine }
        var lo = 0
        var hi = origins.count
        // Invariant: origins[lo].offset <= offset or lo == 0; origins[hi...] > offset.
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if origins[mid].offset <= offset { lo = mid } else { hi = mid }
        }
        return origins[lo].line
    }

    /// The line's text.
    var text: String { LogicalLine.string(scalars[...]) }

    /// The text of `range`, clamped to the line.
    func text(_ range: Range<Int>) -> String {
        let lo = max(0, min(range.lowerBound, scalars.count))
        let hi = max(lo, min(range.upperBound, scalars.count))
        return LogicalLine.string(scalars[lo..<hi])
    }

    /// The line as a value of its own.
    var logicalLine: LogicalLine {
        LogicalLine(scalars: Array(scalars), origins: Array(origins), wasMarkdownHeading: wasMarkdownHeading)
    }
}
