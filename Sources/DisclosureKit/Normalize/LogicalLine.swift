/// One line of normalized text, possibly joined from several physical lines of the file.
///
/// `本年支出决算合计` + `4,499.46万元` (a number pushed to the next line by the PDF
/// converter) becomes `本年支出决算合计4499.46万元`; `origins` still knows that the number
/// came from the second physical line.
public struct LogicalLine: Sendable, Hashable {
    /// The normalized text as Unicode scalars, for index arithmetic without `String.Index`.
    public let scalars: [Unicode.Scalar]
    /// Where each physical line starts in `scalars`, ascending: (offset, 1-based line number).
    public let origins: [Origin]
    /// True when the line was a markdown heading (`## 三、支出决算情况说明`).
    public let wasMarkdownHeading: Bool

    public struct Origin: Sendable, Hashable {
        public let offset: Int
        public let line: Int
        public let page: Int
    }

    public init(scalars: [Unicode.Scalar], origins: [Origin], wasMarkdownHeading: Bool = false) {
        self.scalars = scalars
        self.origins = origins
        self.wasMarkdownHeading = wasMarkdownHeading
    }

    public var text: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    /// The original line number of the scalar at `offset`.
    public func line(at offset: Int) -> Int { origin(at: offset).line }

    /// The page (form-feed separated, 1-based) of the scalar at `offset`.
    public func page(at offset: Int) -> Int { origin(at: offset).page }

    public var firstLine: Int { origins.first?.line ?? 0 }

    private func origin(at offset: Int) -> Origin {
        var found = origins.first ?? Origin(offset: 0, line: 0, page: 1)
        for o in origins where o.offset <= offset { found = o }
        return found
    }

    /// The text of `range`, clamped to the line.
    public func text(_ range: Range<Int>) -> String {
        let lo = max(0, min(range.lowerBound, scalars.count))
        let hi = max(lo, min(range.upperBound, scalars.count))
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[lo..<hi])
        return String(s)
    }
}
