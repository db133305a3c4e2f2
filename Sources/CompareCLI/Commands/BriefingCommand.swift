import Analytics
import DisclosureKit
import Rendering

/// `bureau-compare briefing [PATH...] [--year Y] [--out DIR] [--bom|--no-bom] [--lang zh|en]`:
/// the yearly briefing tables for leadership — `Reports/<year>/briefing.md`, `briefing.csv`
/// and `briefing.html` for every fiscal year the reports cover, or for `--year Y`.
///
/// Thin like `compare`: it reads and extracts the reports, hands them to `Analytics.Briefing`
/// per year, renders and writes. All files of all years are staged first and renamed
/// together (`AtomicFileBatch`), so a failure leaves every previous briefing as it was.
/// stdout lists the files written, one path per line (for scripts such as
/// scripts/screenshot-briefing); the summary and warnings go to stderr.
///
/// Exit status: 0; 1 when some input failed (the rest is briefed) or no report is of
/// `--year`; 2 for a usage error; 3 when `--out` cannot be written — then no file changes.
enum BriefingCommand: Command {
    static let spec = CommandSpec(
        name: "briefing",
        abstract: "Write the yearly briefing (Markdown, CSV, HTML with charts) to Reports/<year>/.",
        usage: ["briefing [PATH...] [--year Y] [--out DIR] [--lang LANG] [--bom | --no-bom]"],
        options: [
            OptionSpec(name: "--year", valueName: "Y", help: "Only fiscal year Y (default: every year the reports cover)."),
            OptionSpec(name: "--out", valueName: "DIR", help: "The folder the year folders are written to (default: \(CompareCommand.defaultOut))."),
            OptionSpec(name: "--lang", valueName: "LANG", allowed: Language.allCases.map(\.rawValue),
                       help: "Headings, names and notes in Chinese (default) or English."),
        ],
        flags: [
            FlagSpec(name: "--bom", help: "Start briefing.csv with a UTF-8 BOM (the default)."),
            FlagSpec(name: "--no-bom", help: "Write briefing.csv without a BOM."),
        ],
        positional: PositionalSpec(
            valueName: "PATH",
            help: "A report (.txt, .md or .pdf) or a folder searched recursively (default: \(ExtractCommand.defaultPath))."
        ),
        discussion: [
            """
            For each fiscal year, DIR/<year>/ gets:
              briefing.md    headline figures (final accounts; budgets in a second table), ranked
                             tables per family, budget against final, the change against the
                             previous year each report states, audit findings and completeness,
                             notes, and the file and line of every figure
              briefing.csv   the same as one long table: \(Briefing.csvHeader.prefix(4).joined(separator: ","))…
              briefing.html  one self-contained page for A4: inline CSS and SVG bar charts, one per
                             family; no script, nothing loaded from elsewhere
            The same reports always give the same bytes. stdout lists the files written.
            See docs/briefing.md.
            """,
        ]
    )

    static func run(_ arguments: ParsedArguments, terminal: Terminal,
                    stdout: inout some UTF8OutputStream, stderr: inout some TextOutputStream) -> ExitCode {
        let options: BriefingOptions
        do {
            options = try BriefingOptions(arguments)
        } catch {
            return BureauCompare.usageError(error, stderr: &stderr)
        }

        var sources: [SourceReport] = []
        var extracted: [String: ExtractedReport] = [:]
        let status = ReportInput.forEach(in: options.paths, stderr: &stderr, terminal: terminal) { file, report in
            sources.append(SourceReport(report: report, path: file.path))
            extracted[file.path] = report
        }
        let alignment = Alignment(sources)
        for warning in alignment.warnings {
            stderr.write(BureauCompare.diagnostic("warning: " + warning.text(options.language)))
        }

        let years = options.year.map { [$0] } ?? Briefing.years(in: alignment)
        let briefings = years.map { Briefing(alignment: alignment, year: $0, extracted: extracted) }.filter { !$0.reports.isEmpty }
        guard !briefings.isEmpty else {
            let what = options.year.map { "no report of fiscal year \($0)" } ?? "no report to brief"
            stderr.write(BureauCompare.diagnostic("\(what); nothing written to \(options.out)"))
            return max(status, .inputProblem)
        }

        let labels = BriefingLabels(language: options.language)
        let files = briefings.flatMap { BriefingFiles(briefing: $0, labels: labels, bom: options.bom).files }
        do {
            try AtomicFileBatch.write(files.map { (options.path(of: $0.path), $0.bytes) })
        } catch {
            stderr.write(BureauCompare.diagnostic(error.description))
            return max(status, .outputFailed)
        }
        for file in files { stdout.write(options.path(of: file.path) + "\n") }
        let yearList = briefings.map { String($0.fiscalYear) }.joined(separator: ", ")
        stderr.write(BureauCompare.diagnostic("wrote \(files.count) files for \(yearList) to \(options.out)"))
        return status
    }
}
