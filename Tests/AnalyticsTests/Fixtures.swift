import Foundation
import Analytics
import DisclosureKit

/// The five dataset reports, read and extracted once, and hand-made reports for the rules
/// the datasets cannot show (ties, duplicates, several years of one bureau).
enum Fixtures {
    /// `Tests/AnalyticsTests/Fixtures.swift` → the package root's `Datasets`.
    static let datasets = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Datasets").path

    /// Every dataset report's path and whole extraction, in the order the command reads them.
    static let datasetReports: [(path: String, report: ExtractedReport)] = {
        let collected = Corpus.collect([datasets])
        let extractor = ReportExtractor()
        return collected.files.compactMap { file -> (path: String, report: ExtractedReport)? in
            guard case .success(let decoded) = Corpus.read(file),
                  case .success(let report) = extractor.extract(text: decoded.text, document: file.name) else { return nil }
            return (file.path, report)
        }
    }()

    /// The whole extractions by path: what a briefing takes its sentences and stated changes from.
    static let datasetExtractions: [String: ExtractedReport] = Dictionary(
        datasetReports.map { ($0.path, $0.report) }, uniquingKeysWith: { first, _ in first })

    /// Every dataset report as the command builds it (compact).
    static let datasetSources: [SourceReport] = datasetReports.map { SourceReport(report: $0.report, path: $0.path) }

    /// The datasets compared with default options.
    static let defaultComparison = Comparison(datasetSources)

    /// A hand-made report: `amounts` in 分-free 万元 text (`"7.50"`), `percents` as fractions.
    static func report(_ bureau: String?, region: String? = nil, year: Int? = 2024, kind: ReportKind? = .final,
                       scope: ReportScope? = .department, path: String? = nil,
                       amounts: [MetricID: String] = [:], units: Int? = nil) -> SourceReport {
        let made = extracted(bureau, region: region, year: year, kind: kind, scope: scope, path: path, amounts: amounts, units: units)
        return SourceReport(report: made.report, path: made.path)
    }

    /// The whole extraction of a hand-made report (`report(…)` is its compact form) and its path.
    static func extracted(_ bureau: String?, region: String? = nil, year: Int? = 2024, kind: ReportKind? = .final,
                          scope: ReportScope? = .department, path: String? = nil,
                          amounts: [MetricID: String] = [:], units: Int? = nil) -> (path: String, report: ExtractedReport) {
        let figures = MetricID.allCases.map { id -> Figure in
            guard let text = amounts[id], let stated = FixedDecimal(text), let amount = Amount(stated, unit: .wanYuan) else {
                return Figure(metric: id, value: nil)
            }
            return Figure(metric: id, value: .amount(amount))
        }
        var metadata = ReportMetadata(bureau: bureau, region: region ?? bureau, fiscalYear: year, kind: kind, scope: scope)
        metadata.unitCount = units
        let document = path.map { String($0.split(separator: "/").last ?? "") } ?? "\(bureau ?? "x")-\(year ?? 0).txt"
        let extracted = ExtractedReport(document: document, metadata: metadata, observations: [], figures: figures)
        return (path ?? document, extracted)
    }

    /// A hand-made report with one percentage figure, `numerator / denominator`.
    static func percentReport(_ bureau: String, _ metric: MetricID, _ numerator: Int64, _ denominator: Int64) -> SourceReport {
        let figures = MetricID.allCases.map { id -> Figure in
            id == metric ? Figure(metric: id, value: Ratio(numerator, denominator).map(FigureValue.percent)) : Figure(metric: id, value: nil)
        }
        let metadata = ReportMetadata(bureau: bureau, region: bureau, fiscalYear: 2024, kind: .final, scope: .department)
        return SourceReport(report: ExtractedReport(document: bureau + ".txt", metadata: metadata, observations: [], figures: figures),
                            path: bureau + ".txt")
    }
}

extension MetricTable {
    /// `["怀仁市 7.50", "乌海市 2.34", …, "昆都仑区 —"]`: region and printed value per entry.
    var summary: [String] {
        entries.map { "\($0.report.region) \($0.figure.formattedValue.isEmpty ? "—" : $0.figure.formattedValue)" }
    }

    /// The ranks in order, nil for undisclosed.
    var ranks: [Int?] { entries.map(\.rank) }
}

extension Comparison {
    func table(_ metric: MetricID) -> MetricTable? { tables.first { $0.metric == metric } }
}
