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

    public init(document: String, metadata: ReportMetadata, observations: [Observation], figures: [Figure],
                findings: [Finding] = [], completeness: Completeness = Completeness(score: 0, disclosed: 0, required: 0, missing: [])) {
        self.document = document
        self.metadata = metadata
        self.observations = observations
        self.figures = figures
        self.findings = findings
        self.completeness = completeness
    }

    public subscript(metric: MetricID) -> Figure {
        figures.first { $0.metric == metric } ?? Figure(metric: metric, value: nil)
    }
}
