/// Everything extracted from one report: metadata, every observation, one figure per metric.
public struct ExtractedReport: Sendable {
    /// The file name, as given in the `document` column.
    public let document: String
    public let metadata: ReportMetadata
    /// All statements found, in text order.
    public let observations: [Observation]
    /// One figure per catalog metric, in catalog order; undisclosed ones have no value.
    public let figures: [Figure]
    /// What the consistency and contents checks found, most severe first.
    public let findings: [Finding]
    /// How much of what its kind must disclose the report discloses.
    public let completeness: Completeness
    /// False when the checks did not run (`ReportExtractor(audits: false)`): then `findings` is
    /// empty and `completeness` zero because nothing was looked at, not because all is well.
    public let isAudited: Bool
    /// The page of each line for a paged input (a PDF, or text with pdftotext's form feeds); nil for plain
    /// text. Set by whoever read the file (`ReportLoader`), since only the reader knows the input was a PDF.
    public var pages: PageMap?

    public init(document: String, metadata: ReportMetadata, observations: [Observation], figures: [Figure],
                findings: [Finding] = [], completeness: Completeness = Completeness(score: 0, disclosed: 0, required: 0, missing: []),
                isAudited: Bool = true, pages: PageMap? = nil) {
        self.document = document
        self.metadata = metadata
        self.observations = observations
        self.figures = figures
        self.findings = findings
        self.completeness = completeness
        self.isAudited = isAudited
        self.pages = pages
    }

    public subscript(metric: MetricID) -> Figure {
        figures.first { $0.metric == metric } ?? Figure(metric: metric, value: nil)
    }

    /// The page of a line of this report's file (the `source_page` of a `source_line`); nil when the
    /// input has no pages.
    ///
    /// Pages are a function of lines, so the pipeline tracks lines only and every output (figures,
    /// findings, briefing rows, year-on-year changes) maps a line to its page here, the same way.
    public func page(ofLine line: Int) -> Int? {
        pages?.page(ofLine: line)
    }

    /// The pages of `lines`, one per line in the same order (`175;177` → `4;4`), so each can be paired
    /// with its line; empty when the input has no pages.
    public func pages(ofLines lines: [Int]) -> [Int] {
        pages?.pages(ofLines: lines) ?? []
    }
}
