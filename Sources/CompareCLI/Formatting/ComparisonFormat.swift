/// The document `compare` writes to stdout: `--format table|csv|tsv|json|markdown`.
///
/// A type of its own rather than `OutputFormat` because only `compare` has a Markdown
/// document (tables to paste into a report or an issue); `extract` and `metrics` keep their
/// four formats. The default follows the same rule: a table on a terminal, CSV in a pipe.
enum ComparisonFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, markdown

    /// `--format FORMAT` with the five values.
    static func option() -> OptionSpec {
        OptionSpec(name: "--format", valueName: "FORMAT", allowed: allCases.map(\.rawValue),
                   help: "The stdout document (default: table on a terminal, csv otherwise).")
    }

    /// The format `--format` asked for, else the default for where stdout goes.
    static func chosen(by arguments: ParsedArguments, terminal: Terminal) -> ComparisonFormat {
        if let value = arguments.value("--format"), let format = ComparisonFormat(rawValue: value) {
            return format
        }
        return terminal.stdoutIsTTY ? .table : .csv
    }

    /// Whether notes go to stderr: a data document must stay pure data.
    var notesOnStderr: Bool {
        switch self {
        case .csv, .tsv, .json: return true
        case .table, .markdown: return false
        }
    }
}
