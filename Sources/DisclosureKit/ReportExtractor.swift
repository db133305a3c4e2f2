/// The pipeline for one decoded report: normalize → detect → segment → extract → resolve.
///
/// Pure: takes text, returns a value. Reading files is `Corpus`'s job, printing the caller's.
public struct ReportExtractor: Sendable {
    public init() {}

    /// Extracts every catalog figure from `text`; `document` is the file name to report.
    /// Fails with `.notAReport` when the text is not a disclosure report.
    public func extract(text: String, document: String) -> Result<ExtractedReport, InputProblem> {
        // Placeholder until the engine lands: every figure undisclosed.
        let figures = MetricID.allCases.map { Figure(metric: $0, value: nil) }
        return .success(ExtractedReport(document: document, metadata: ReportMetadata(), observations: [], figures: figures))
    }
}
