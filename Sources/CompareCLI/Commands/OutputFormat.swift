/// The document a command writes to stdout, chosen with `--format`.
///
/// Without `--format`, people at a terminal get a table and pipes get CSV, so
/// `bureau-compare extract > figures.csv` is clean data without any option.
enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json

    /// `--format FORMAT`, accepting exactly `formats`.
    static func option(_ formats: [OutputFormat] = allCases) -> OptionSpec {
        OptionSpec(name: "--format", valueName: "FORMAT", allowed: formats.map(\.rawValue),
                   help: "The output format (default: table on a terminal, csv otherwise).")
    }

    /// The format `--format` asked for, else the default for where stdout goes.
    static func chosen(by arguments: ParsedArguments, terminal: Terminal) -> OutputFormat {
        if let value = arguments.value("--format"), let format = OutputFormat(rawValue: value) {
            return format
        }
        return terminal.stdoutIsTTY ? .table : .csv
    }
}
