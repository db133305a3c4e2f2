/// Everything extracted from one report: metadata, every observation, one figure per metric.
public struct ExtractedReport: Sendable {
    /// The file name, as given in the `document` column.
    public let document: String
    public let metadata: ReportMetadata
    /// All statements found, in text order.
    public let observations: [Observation]
    /// One figure per catalog metric, in catalog order; undisclosed ones have no value.
    public let figures: [Figure]

    public init(document: String, metadata: ReportMetadata, observations: [Observation], figures: [Figure]) {
        self.document = document
        self.metadata = metadata
        self.observations = observations
        self.figures = figures
    }

    public subscript(metric: MetricID) -> Figure {
        figures.first { $0.metric == metric } ?? Figure(metric: metric, value: nil)
    }
}
