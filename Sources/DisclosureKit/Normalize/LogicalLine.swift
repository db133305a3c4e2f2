/// One line of normalized text, possibly joined from several physical lines of the file.
///
/// `本年支出决算合计` + `4,499.46万元` (a number pushed to the next line by the PDF
/// converter) becomes `本年支出决算合计4499.46万元`; `origins` still knows that the number
/// came from the second physical line.
public struct LogicalLine: Sendable, Hashable {
    /// The normalized text as Unicode scalars, for index arithmetic without `String.Index`.
    public let scalars: [Unicode.Scalar]
    /// Where each physical line starts in `scalars`, ascending: (offset, 1-based line number).
    public var origins: [Origin] {
        guard let firstOrigin else { return [] }
        return [firstOrigin] + laterOrigins
    }
    /// The first origin, kept apart from the rest: most lines are one physical line, and an
    /// array of one origin per line was an allocation per line.
    private let firstOrigin: Origin?
    /// The origins after the first (empty, without storage, for a line that was not joined).
    private let laterOrigins: [Origin]
    /// True when the line was a markdown heading (`## 三、支出决算情况说明`).
    public let wasMarkdownHeading: Bool

    public struct Origin: Sendable, Hashable {
        public let offset: Int
        public let line: Int
    }

    public init(scalars: [Unicode.Scalar], origins: [Origin], wasMarkdownHeading: Bool = false) {
        self.scalars = scalars
        firstOrigin = origins.first
        laterOrigins = Array(origins.dropFirst())
        self.wasMarkdownHeading = wasMarkdownHeading
    }

    init(scalars: [Unicode.Scalar], firstOrigin: Origin, laterOrigins: [Origin], wasMarkdownHeading: Bool) {
        self.scalars = scalars
        self.firstOrigin = firstOrigin
        self.laterOrigins = laterOrigins
        self.wasMarkdownHeading = wasMarkdownHeading
    }

    public var text: String { Self.string(scalars[...]) }

    /// The scalars as a string (`ScalarString.make`: encoded once, not validated again).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        scalars.withUnsafeBufferPointer { ScalarString.make($0) }
    }

    static func string(_ scalars: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> String {
        ScalarString.make(UnsafeBufferPointer(rebasing: scalars))
    }

    static func string(_ source: UnsafeBufferPointer<Unicode.Scalar>) -> String {
        ScalarString.make(source)
    }

    /// The original line number of the scalar at `offset`.
    public func line(at offset: Int) -> Int { origin(at: offset).line }

    public var firstLine: Int { firstOrigin?.line ?? 0 }

    /// The last origin at or before `offset` (the first one for an offset before it).
    ///
    /// Binary search: a hard-wrapped paragraph joined from thousands of physical lines has
    /// thousands of origins, and every figure in it asks for its line.
    private func origin(at offset: Int) -> Origin {
        guard let firstOrigin else { return Origin(offset: 0, line: 0) }
        guard let firstLater = laterOrigins.first, firstLater.offset <= offset else { return firstOrigin }
        // Invariant: laterOrigins[lo].offset <= offset, laterOrigins[hi...] > offset.
        var lo = 0
        var hi = laterOrigins.count
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if laterOrigins[mid].offset <= offset { lo = mid } else { hi = mid }
        }
        return laterOrigins[lo]
    }

    /// The text of `range`, clamped to the line.
    public func text(_ range: Range<Int>) -> String {
        let lo = max(0, min(range.lowerBound, scalars.count))
        let hi = max(lo, min(range.upperBound, scalars.count))
        return Self.string(scalars[lo..<hi])
    }
}

extension LogicalLine {
    /// Runs `body` with the line as the stages read lines (`LineView`); a line without origins
    /// reads as line 0.
    func withView<R>(_ body: (LineView) -> R) -> R {
        let origins = self.origins.isEmpty ? [Origin(offset: 0, line: 0)] : self.origins
        return scalars.withUnsafeBufferPointer { scalars in
            origins.withUnsafeBufferPointer { origins in
                body(LineView(scalars: scalars, origins: origins, wasMarkdownHeading: wasMarkdownHeading))
            }
        }
    }
}
