import DisclosureKit

/// One extracted report as the comparison receives it: the figures and the path it was read from.
///
/// Why more than `ExtractedReport`: two files may share a file name in different folders, so
/// duplicate warnings name the path.
public struct SourceReport: Sendable {
    public let report: ExtractedReport
    /// The path as given on the command line or found in a folder: `Datasets/city-a-2024-final.txt`.
    public let path: String

    public init(report: ExtractedReport, path: String) {
        self.report = report
        self.path = path
    }

    /// The budget units the report covers (`纳入本部门决算编制范围的预算单位共计 1 家`), when its
    /// text says: why a department's budget (4 units) and its own final accounts (1) differ.
    public var unitCount: Int? { report.metadata.unitCount }

    /// The file name: `city-a-2024-final.txt`.
    public var document: String { report.document }

    /// How many catalog figures the report discloses; the tie-breaker between duplicates.
    public var disclosedCount: Int { report.figures.filter(\.isDisclosed).count }
}
