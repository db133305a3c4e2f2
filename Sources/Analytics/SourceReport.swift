import DisclosureKit

/// One extracted report as the comparison keeps it: what alignment, ranking, the tables and
/// the notes need — metadata, one `CompactFigure` per catalog metric, the completeness score
/// and the audit's finding counts — and the path it was read from.
///
/// Why compact: `compare` holds every report read until the last one is in (rankings sort
/// all bureaus), so this record is what its memory grows by per report: a few hundred bytes
/// plus the names, instead of the whole `ExtractedReport` (every observation and its sentence,
/// every alternative statement, every finding). What needs more — metrics.csv's sentences, a
/// briefing's stated changes — takes it from the `ExtractedReport` while it is at hand.
///
/// Why a path: two files may share a file name in different folders, so duplicate warnings
/// name the path. Copies share one stored record (a ranked table holds one entry per report
/// and metric), so copying a `SourceReport` costs a reference, not its fields.
public struct SourceReport: Sendable {
    /// The stored fields, shared by every copy.
    private final class Record: Sendable {
        let path: String
        let document: String
        let metadata: ReportMetadata
        let figures: [CompactFigure]
        let completeness: Int
        let errors: Int
        let warnings: Int
        let infos: Int
        let pages: PageMap?

        init(_ report: ExtractedReport, path: String) {
            self.path = path
            document = report.document
            metadata = report.metadata
            figures = report.catalogFigures.map(CompactFigure.init)
            completeness = report.completeness.score
            errors = report.findings.count(where: { $0.severity == .error })
            warnings = report.findings.count(where: { $0.severity == .warning })
            infos = report.findings.count(where: { $0.severity == .info })
            pages = report.pages
        }
    }

    private let record: Record

    /// The compact form of `report`, read from `path`.
    public init(report: ExtractedReport, path: String) {
        record = Record(report, path: path)
    }

    /// The path as given on the command line or found in a folder: `Datasets/city-a-2024-final.txt`.
    public var path: String { record.path }

    /// The file name: `city-a-2024-final.txt`.
    public var document: String { record.document }

    /// What the report says about itself: bureau, region, year, kind, scope, units.
    public var metadata: ReportMetadata { record.metadata }

    /// One figure per catalog metric, in catalog order.
    public var figures: [CompactFigure] { record.figures }

    /// The budget units the report covers (`纳入本部门决算编制范围的预算单位共计 1 家`), when its
    /// text says: why a department's budget (4 units) and its own final accounts (1) differ.
    public var unitCount: Int? { record.metadata.unitCount }

    /// The page of each line for a paged input (a PDF); nil for plain text. A page's first line per
    /// page, so it costs a few bytes per page.
    public var pages: PageMap? { record.pages }

    /// The audit's completeness score (0–100).
    public var completeness: Int { record.completeness }

    /// How many audit findings of `severity` the report has.
    public func findingCount(_ severity: Severity) -> Int {
        switch severity {
        case .error: return record.errors
        case .warning: return record.warnings
        case .info: return record.infos
        }
    }

    /// How many catalog figures the report discloses; the tie-breaker between duplicates.
    public var disclosedCount: Int { record.figures.filter(\.isDisclosed).count }

    /// The report's figure for `metric` (undisclosed when it has none).
    public subscript(metric: MetricID) -> CompactFigure {
        if let index = Self.catalogIndex[metric], index < record.figures.count, record.figures[index].metric == metric {
            return record.figures[index]
        }
        return record.figures.first { $0.metric == metric } ?? CompactFigure(metric: metric, value: nil)
    }

    /// Each metric's position in the catalog, which is where `figures` holds it.
    private static let catalogIndex: [MetricID: Int] = Dictionary(
        uniqueKeysWithValues: MetricID.allCases.enumerated().map { ($1, $0) })
}
