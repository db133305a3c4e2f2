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

    /// Every dataset report as the command builds it.
    static let datasetSources: [SourceReport] = {
        let collected = Corpus.collect([datasets])
        let extractor = ReportExtractor()
        return collected.files.compactMap { file -> SourceReport? in
            guard case .success(let decoded) = Corpus.read(file),
                  case .success(let report) = extractor.extract(text: decoded.text, document: file.name) else { return nil }
            return SourceReport(report: report, path: file.path)
        }
    }()

    /// The datasets compared with default options.
    static let defaultComparison = Comparison(datasetSources)

    /// A hand-made report: `amounts` in 分-free 万元 text (`"7.50"`), `percents` as fractions.
    static func report(_ bureau: String?, region: String? = nil, year: Int? = 2024, kind: ReportKind? = .final,
                       scope: ReportScope? = .department, path: String? = nil,
                       amounts: [MetricID: String] = [:], units: Int? = nil) -> SourceReport {
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
        return SourceReport(report: extracted, path: path ?? document)
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
