import DisclosureKit
import Rendering

/// `bureau-compare audit [PATH...] [--format table|csv|json] [--completeness] [--strict] [--lang zh|en]`:
/// the consistency findings of every report, or one completeness row per report.
///
/// Findings are about the reports, not failures of the tool: the exit status is 0 unless an
/// input cannot be read (1) or `--strict` is given and some finding is an error (1).
enum AuditCommand: Command {
    static let spec = CommandSpec(
        name: "audit",
        abstract: "Check each report's figures against each other (within rounding) and score its completeness.",
        usage: ["audit [PATH...] [--format FORMAT] [--completeness] [--strict] [--lang LANG]"],
        options: [
            OutputFormat.option([.table, .csv, .json]),
            OptionSpec(name: "--lang", valueName: "LANG", allowed: ["zh", "en"], help: "Message language (default: zh)."),
        ],
        flags: [
            FlagSpec(name: "--completeness", help: "One row per report: score (0–100), disclosed, required, missing."),
            FlagSpec(name: "--strict", help: "Exit with status 1 when any finding is an error."),
        ],
        positional: PositionalSpec(
            valueName: "PATH",
            help: "A report (.txt, .md or .pdf) or a folder searched recursively (default: \(ExtractCommand.defaultPath))."
        ),
        discussion: [
            """
            Findings, one row each:
              \(AuditDocument.findingHeader.joined(separator: ","))
            severity: error = a stated figure outside the interval its inputs allow after rounding;
            warning = conflicting statements or content the report promises but does not contain;
            info = holds only within rounding, or a total summed from its parts.
            With --completeness:
              \(AuditDocument.completenessHeader.joined(separator: ","))
            """,
        ]
    )

    static func run(_ arguments: ParsedArguments, terminal: Terminal,
                    stdout: inout some UTF8OutputStream, stderr: inout some TextOutputStream) -> ExitCode {
        let paths = arguments.positionals.isEmpty ? [ExtractCommand.defaultPath] : arguments.positionals
        var document = AuditDocument(
            format: OutputFormat.chosen(by: arguments, terminal: terminal), terminal: terminal,
            completeness: arguments.isSet("--completeness"), english: arguments.value("--lang") == "en")
        stdout.write(document.begin())
        var errors = 0
        let status = ReportInput.forEach(in: paths, stderr: &stderr, terminal: terminal) { _, report in
            errors += report.findings.filter { $0.severity == .error }.count
            stdout.write(document.add(report))
        }
        stdout.write(document.end())
        if arguments.isSet("--strict") && errors > 0 && status == .success {
            stderr.write(BureauCompare.diagnostic("\(errors) error-level finding(s) (--strict)"))
            return .inputProblem
        }
        return status
    }
}
