import Analytics
import DisclosureKit
import Rendering

/// A briefing laid out as blocks in reading order — headings, paragraphs, tables, charts,
/// notes — that the Markdown and the HTML renderers both walk, so the two files say the
/// same things in the same order.
///
/// The order: title and lead; 一、the final accounts' headline figures; 二、the budgets';
/// 三、per family a chart and one ranked table per figure, each with its notes; 四、budget
/// against final; 五、the changes against the previous year the reports state; 六、audit
/// findings and completeness; 七、notes; 八、sources: per report, each figure with its lines and text.
///
/// Two choices differ by output: `splitHeadline` cuts the headline table's 22 figure columns
/// into three groups of the same rows (HTML, so a table fits an A4 page; Markdown keeps one
/// wide table), and charts are drawn only where `charts` is set (Markdown has no SVG).
struct BriefingLayout {
    /// A table of text cells.
    struct Table {
        var columns: [(title: String, alignment: TextTable.Alignment)]
        var rows: [[String]]
        /// A CSS class for the HTML table: `headline`, `ranking`, `sources`.
        var style: String
    }

    enum Block {
        case heading(level: Int, text: String)
        /// A ranked table's heading: `“三公”经费合计（万元）` and its ID `sangong_total`.
        case metricHeading(title: String, id: String)
        case paragraph(String)
        case table(Table)
        case chart(SVGBarChart)
        case notes([String])
    }

    let blocks: [Block]

    init(_ briefing: Briefing, labels: BriefingLabels, splitHeadline: Bool, charts: Bool) {
        var blocks: [Block] = [.heading(level: 1, text: labels.title(briefing)), .paragraph(labels.lead(briefing))]

        for kind in ReportKind.allCases {
            blocks.append(.heading(level: 2, text: labels.headlineHeading(kind)))
            let reports = kind == .final ? briefing.finals : briefing.budgets
            guard !reports.isEmpty else {
                blocks.append(.paragraph(labels.none(kind == .final ? labels.noFinals : labels.noBudgets)))
                continue
            }
            let groups = splitHeadline ? BriefingLabels.headlineGroups : [BriefingLabels.headlineMetrics]
            for (index, metrics) in groups.enumerated() {
                if splitHeadline { blocks.append(.heading(level: 4, text: labels.headlineGroup(index))) }
                blocks.append(.table(Self.headline(reports, metrics: metrics, labels: labels)))
            }
        }

        blocks.append(.heading(level: 2, text: labels.rankingHeading(briefing.rankedKind)))
        if briefing.ranked.isEmpty {
            blocks.append(.paragraph(labels.none(briefing.rankedKind == .final ? labels.noFinals : labels.noBudgets)))
        } else {
            for (family, tables) in briefing.families {
                blocks.append(.heading(level: 3, text: family.name(labels.language)))
                if charts { blocks.append(.chart(Self.chart(family, tables: tables, year: briefing.fiscalYear, labels: labels))) }
                for table in tables {
                    blocks.append(.metricHeading(title: labels.comparison.withUnit(table.metric), id: table.metric.rawValue))
                    blocks.append(.table(Self.ranking(table, labels: labels)))
                    let notes = table.notes.map { $0.text(labels.language) }
                    if !notes.isEmpty { blocks.append(.notes(notes)) }
                }
            }
        }

        blocks.append(.heading(level: 2, text: labels.budgetHeading))
        if briefing.budgetExecution.isEmpty {
            blocks.append(.paragraph(labels.none(labels.noPairs)))
        } else {
            blocks.append(.table(Self.budget(briefing.budgetExecution, labels: labels)))
            let notes = briefing.pairs.filter(\.scopesDiffer).map {
                ComparisonNote.scopesDiffer(ComparisonNote.ScopeDifference($0)).text(labels.language)
            }
            if !notes.isEmpty { blocks.append(.notes(notes)) }
        }

        blocks.append(.heading(level: 2, text: labels.changeHeading))
        blocks.append(.table(Self.changes(briefing.reports, labels: labels)))

        blocks.append(.heading(level: 2, text: labels.auditHeading))
        blocks.append(.table(Self.audit(briefing.reports, labels: labels)))

        blocks.append(.heading(level: 2, text: labels.notesHeading))
        blocks.append(.notes(briefing.notes.map { $0.text(labels.language) } + labels.standingNotes))

        blocks.append(.heading(level: 2, text: labels.sourcesHeading))
        for entry in briefing.reports {
            blocks.append(.heading(level: 4, text: labels.sourceHeading(entry.report)))
            blocks.append(.table(Self.sources(entry, labels: labels)))
        }
        self.blocks = blocks
    }

    /// A value, or `—` when there is none.
    static func cell(_ figure: CompactFigure) -> String {
        figure.formattedValue.isEmpty ? "—" : figure.formattedValue
    }

    /// One row per report: bureau, region, scope, then `metrics`.
    static func headline(_ reports: [BriefingReport], metrics: [MetricID], labels: BriefingLabels) -> Table {
        Table(
            columns: [(labels.bureau, .left), (labels.region, .left), (labels.scope, .left)]
                + metrics.map { (labels.headlineTitle($0), .right) },
            rows: reports.map { entry in
                let report = entry.report
                return [report.bureau.name, report.region, labels.comparison.scope(report.scope)] + metrics.map { cell(report[$0]) }
            },
            style: "headline")
    }

    /// Rank, bureau, region, scope, value and the figures beside it (`MetricContext`).
    static func ranking(_ table: MetricTable, labels: BriefingLabels) -> Table {
        Table(
            columns: [(labels.rank, .right), (labels.bureau, .left), (labels.region, .left), (labels.scope, .left), (labels.value, .right)]
                + table.context.map { (labels.comparison.short($0), .right) },
            rows: table.entries.map { entry in
                [entry.rank.map(String.init) ?? "", entry.report.bureau.name, entry.report.region,
                 labels.comparison.scope(entry.report.scope), entry.isDisclosed ? cell(entry.figure) : "— " + labels.comparison.notDisclosed]
                    + entry.context.map(cell)
            },
            style: "ranking")
    }

    /// One row per amount and bureau: budget, final, execution.
    static func budget(_ tables: [BudgetExecution], labels: BriefingLabels) -> Table {
        Table(
            columns: [(labels.metric, .left), (labels.bureau, .left), (labels.budget, .right), (labels.final, .right), (labels.execution, .right)],
            rows: tables.flatMap { table in
                table.rows.map { row in
                    [labels.comparison.withUnit(table.metric), row.pair.bureau.name, cell(row.budget), cell(row.final),
                     row.execution.map { $0.formatted(decimals: 2) } ?? "—"]
                }
            },
            style: "budget")
    }

    /// One row per report and year-on-year figure, stated or not.
    static func changes(_ reports: [BriefingReport], labels: BriefingLabels) -> Table {
        Table(
            columns: [(labels.bureau, .left), (labels.kind, .left), (labels.metric, .left), (labels.current, .right),
                      (labels.changeAmount, .right), (labels.changePercent, .right), (labels.origin, .left)],
            rows: reports.flatMap { entry in
                entry.changes.map { change in
                    let report = entry.report
                    let stated = change.isStated
                    return [report.bureau.name, labels.comparison.kind(report.kind), labels.comparison.name(change.metric),
                            cell(report[change.metric]),
                            stated ? labels.amountChange(change) : labels.notStated,
                            stated ? labels.percentChange(change) : "—",
                            stated ? labels.place(report.document, change.lines, pages: report.pages(ofLines: change.lines)) : ""]
                }
            },
            style: "changes")
    }

    /// One row per report: findings by severity, completeness.
    static func audit(_ reports: [BriefingReport], labels: BriefingLabels) -> Table {
        Table(
            columns: [(labels.bureau, .left), (labels.kind, .left), (labels.document, .left), (labels.findings, .right),
                      (labels.errors, .right), (labels.warnings, .right), (labels.infos, .right),
                      (labels.completeness, .right), (labels.disclosedOfRequired, .right)],
            rows: reports.map { entry in
                let a = entry.audit
                return [entry.report.bureau.name, labels.comparison.kind(entry.report.kind), entry.report.document,
                        String(a.findings), String(a.errors), String(a.warnings), String(a.infos),
                        String(a.completeness.score), "\(a.completeness.disclosed)/\(a.completeness.required)"]
            },
            style: "audit")
    }

    /// One row per disclosed figure of a report: the lines and the sentence it was read from, and
    /// for a report read from a PDF the pages of those lines (a column only then: text reports have none).
    static func sources(_ entry: BriefingReport, labels: BriefingLabels) -> Table {
        let paged = entry.report.isPaged
        return Table(
            columns: [(labels.metric, .left), (labels.value, .right), (labels.lines, .right)]
                + (paged ? [(labels.pages, .right)] : []) + [(labels.sourceText, .left)],
            rows: entry.sources.map { source in
                [labels.comparison.withUnit(source.metric), cell(source.figure), source.lines.map(String.init).joined(separator: ", ")]
                    + (paged ? [labels.pageList(entry.report.pages(ofLines: source.lines))] : [])
                    + [entry.sourceTexts[source.metric] ?? ""]
            },
            style: "sources")
    }

    /// The family's chart: a panel per ranked figure, a bar per bureau in rank order.
    static func chart(_ family: BriefingFamily, tables: [MetricTable], year: Int, labels: BriefingLabels) -> SVGBarChart {
        SVGBarChart(
            title: "\(year) \(family.name(labels.language))",
            panels: tables.map { table in
                SVGBarChart.Panel(
                    title: labels.comparison.withUnit(table.metric),
                    bars: table.entries.map { entry in
                        SVGBarChart.Bar(label: entry.report.bureau.name, value: entry.value.map(chartLength), text: entry.figure.formattedValue)
                    })
            },
            notDisclosedText: labels.comparison.notDisclosed)
    }

    /// A figure's size as chart geometry: 万元 or percentage points, from the exact value.
    static func chartLength(_ value: FigureValue) -> Double {
        switch value {
        case .amount(let amount): return Double(amount.fen) / 1_000_000
        case .percent(let ratio): return Double(ratio.numerator) / Double(ratio.denominator)
        }
    }
}
