import DisclosureKit

/// `bureau-compare extract [PATH...] [--format table|csv|tsv|json]`: every catalog figure
/// of every report, one row per report × metric.
///
/// Reads and extracts the files one by one, writing each report's rows as soon as they
/// exist, so a large corpus streams and `| head` stops early. A file that cannot be read
/// or is not a report costs one line on stderr and exit status 1; the others still run.
enum ExtractCommand: Command {
    /// The folder read when no PATH is given.
    static let defaultPath = "Datasets"

    static let spec = CommandSpec(
        name: "extract",
        abstract: "Extract every catalog figure from each report: one row per report and metric.",
        usage: ["extract [PATH...] [--format FORMAT]"],
        options: [OutputFormat.option()],
        positional: PositionalSpec(
            valueName: "PATH",
            help: "A report (.txt, .md or .pdf) or a folder searched recursively (default: \(defaultPath))."
        ),
        discussion: [
            """
            CSV and TSV columns, one row per report and metric in catalog order:
              \(ExtractDocument.header.joined(separator: ","))
            value is empty when the report does not disclose the figure (never 0); amounts are
            in 万元 with 2 decimals, shares in % with 2 (the intensities with 3). JSON gives the
            same figures per report, with null for figures not disclosed.
            """,
            """
            A PDF (recognised by its %PDF header, whatever its name) is converted with
            pdftotext (Debian: poppler-utils and poppler-data); source_page is the page of
            source_line in it. A text file has pages only when it keeps pdftotext's form
            feeds; otherwise source_page is empty.
            """,
        ]
    )

    static func run(_ arguments: ParsedArguments, terminal: Terminal,
                    stdout: inout some UTF8OutputStream, stderr: inout some TextOutputStream) -> ExitCode {
        let paths = arguments.positionals.isEmpty ? [defaultPath] : arguments.positionals
        var document = ExtractDocument(format: .chosen(by: arguments, terminal: terminal), terminal: terminal)
        stdout.write(document.begin())
        let renderer = document
        let status = ReportInput.forEach(in: paths, stderr: &stderr, terminal: terminal,
                                         extractor: ReportExtractor(audits: document.printsAudit),
                                         prepare: { _, report in renderer.render(report) }) { _, rendered in
            document.add(rendered: rendered, to: &stdout)
        }
        stdout.write(document.end())
        return status
    }
}
