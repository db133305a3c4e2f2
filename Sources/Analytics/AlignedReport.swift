import DisclosureKit

/// A report placed in the comparison under its key: `甲市工业和信息化局 · 2024 · final`,
/// read from `Datasets/city-a-2024-final.txt`.
///
/// Why a separate type: only a report whose bureau, year and kind are known can be ranked,
/// so once it has a key every later step can rely on it without unwrapping optionals.
public struct AlignedReport: Sendable {
    public let key: ReportKey
    public let source: SourceReport

    public init(key: ReportKey, source: SourceReport) {
        self.key = key
        self.source = source
    }

    public var bureau: BureauIdentity { key.bureau }
    public var fiscalYear: Int { key.fiscalYear }
    public var kind: ReportKind { key.kind }
    /// The region the report names (`丁区`), or the bureau's name when it names none.
    public var region: String { source.metadata.region ?? key.bureau.name }
    /// `unit` (本级) or `department` (部门), nil when the text did not say.
    public var scope: ReportScope? { source.metadata.scope }
    public var document: String { source.document }
    public var path: String { source.path }
    public var unitCount: Int? { source.unitCount }
    /// The audit's completeness score (0–100): how much of what its kind must disclose it does.
    public var completeness: Int { source.completeness }
    /// How many audit findings of each severity the report has.
    public func findingCount(_ severity: Severity) -> Int { source.findingCount(severity) }

    /// The report's figure for `metric` (undisclosed when it has none).
    public subscript(metric: MetricID) -> CompactFigure { source[metric] }

    /// True when the report was read from a paged input (a PDF): its lines have pages.
    public var isPaged: Bool { source.pages != nil }

    /// The page of a line of the report's file; nil for a text input without pages.
    public func page(ofLine line: Int) -> Int? { source.pages?.page(ofLine: line) }

    /// The page of each of `lines`, in order; empty for a text input without pages.
    public func pages(ofLines lines: [Int]) -> [Int] { source.pages?.pages(ofLines: lines) ?? [] }
}
