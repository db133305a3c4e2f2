import Analytics
import DisclosureKit
import Rendering

/// `bureau-compare compare [PATH...]`: the tool's main job — rank bureaus on the shared
/// figures, set budgets against final accounts, and write the tables to `--out`.
///
/// Thin by design: it parses options, reads and extracts reports (Corpus, ReportExtractor),
/// hands them to Analytics, picks a renderer and writes files. Order matters: the four files
/// are written (all staged, then renamed) before stdout, so `| head -1` cannot stop the
/// process before they exist. Exit status: 0; 1 when some input failed (the rest is
/// compared); 2 for a usage error; 3 when `--out` cannot be written — then no file changes.
enum CompareCommand: Command {
    static let defaultOut = "Reports"

    static let spec = CommandSpec(
        name: "compare",
        abstract: "Rank bureaus on the shared figures, set budgets against final accounts, write Reports/.",
        usage: ["compare [PATH...] [--format FORMAT] [--out DIR] [--year Y] [--kind KIND] [--metric ID]... [--order ORDER] [--lang LANG] [--bom | --no-bom]"],
        options: [
            ComparisonFormat.option(),
            OptionSpec(name: "--out", valueName: "DIR", help: "The folder the four files are written to (default: \(defaultOut))."),
            OptionSpec(name: "--year", valueName: "Y", help: "Compare the reports of fiscal year Y (default: each bureau's latest)."),
            OptionSpec(name: "--kind", valueName: "KIND", allowed: ReportSelection.Kinds.allCases.map(\.rawValue),
                       help: "Which reports to rank (default: final)."),
            OptionSpec(name: "--metric", valueName: "ID", allowed: MetricID.allCases.map(\.rawValue), repeatable: true,
                       help: "Rank only this metric (see '\(BureauCompare.name) metrics')."),
            OptionSpec(name: "--order", valueName: "ORDER", allowed: RankOrder.allCases.map(\.rawValue),
                       help: "desc: largest first (default); asc: smallest first."),
            OptionSpec(name: "--lang", valueName: "LANG", allowed: Language.allCases.map(\.rawValue),
                       help: "Names, headings and notes in Chinese (default) or English."),
        ],
        flags: [
            FlagSpec(name: "--bom", help: "Start the CSV files in --out with a UTF-8 BOM (the default)."),
            FlagSpec(name: "--no-bom", help: "Write the CSV files without a BOM."),
        ],
        positional: PositionalSpec(
            valueName: "PATH",
            help: "A report (.txt, .md or .pdf) or a folder searched recursively (default: \(ExtractCommand.defaultPath))."
        ),
        discussion: [
            """
            Each bureau (recognised by its name without spaces and without a suffix such as
            （本级）) is compared with its latest final accounts unless --year or --kind say
            otherwise. One table per metric: rank, bureau, region, year, kind, scope, value, a
            bar, and the figures behind the value. Ties share a rank (1, 2, 2, 4); a figure
            not disclosed is listed last as — (未公开), never as 0. Where a bureau has a budget
            and final accounts of one year, a budget-against-final table per amount follows.
            """,
            """
            Files written to --out, each replaced atomically (all four or none):
              comparison.csv   one row per bureau × year × kind, one column per metric ID
              rankings.csv     \(Comparison.rankingHeader.joined(separator: ","))
              metrics.csv      the extract CSV of every report read, with source lines (and pages)
              comparison.json  everything above, with notes and warnings
            stdout carries one document (csv: the rankings); notes go under the tables, or to
            stderr for csv, tsv and json. See docs/compare.md.
            """,
        ]
    )

    static func run(_ arguments: ParsedArguments, terminal: Terminal,
                    stdout: inout some UTF8OutputStream, stderr: inout some TextOutputStream) -> ExitCode {
        let options: CompareOptions
        do {
            options = try CompareOptions(arguments, terminal: terminal)
        } catch {
            return BureauCompare.usageError(error, stderr: &stderr)
        }

        // Each report's metrics.csv rows are written as it arrives; only its compact form is kept.
        let files = ComparisonFiles(path: options.path(of:), bom: options.bom)
        var sources: [SourceReport] = []
        // Both built on the worker that extracted the report: its rows as CSV bytes and its compact form.
        var status = ReportInput.forEach(
            in: options.paths, stderr: &stderr, terminal: terminal,
            prepare: { file, report in (ComparisonFiles.metricsRows(report), SourceReport(report: report, path: file.path)) }
        ) { _, prepared in
            files.add(metricsRows: prepared.0)
            sources.append(prepared.1)
        }

        let comparison = Comparison(sources, options: options.comparison)
        let labels = ComparisonLabels(language: options.language)
        for warning in comparison.warnings {
            stderr.write(BureauCompare.diagnostic("warning: " + warning.text(options.language)))
        }

        if sources.isEmpty {
            files.discard()
            stderr.write(BureauCompare.diagnostic("no report could be read; nothing written to \(options.out)"))
        } else {
            do {
                try files.commit(comparison, labels: labels)
                stderr.write(BureauCompare.diagnostic("wrote \(ComparisonFiles.names.joined(separator: ", ")) to \(options.out)"))
            } catch {
                stderr.write(BureauCompare.diagnostic(error.description))
                status = max(status, .outputFailed)
            }
        }

        switch options.format {
        case .table: stdout.write(comparison.terminalText(labels, terminal: terminal))
        case .markdown: stdout.write(comparison.markdown(labels))
        case .csv: comparison.writeRankings(.csv, labels, to: &stdout)
        case .tsv: comparison.writeRankings(.tsv, labels, to: &stdout)
        case .json: comparison.writeJSON(labels, to: &stdout)
        }
        if options.format.notesOnStderr {
            for note in comparison.notes { stderr.write(note.text(options.language) + "\n") }
        }
        return status
    }
}
