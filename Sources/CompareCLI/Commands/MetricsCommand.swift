import DisclosureKit

/// `bureau-compare metrics [--format table|csv|tsv|json]`: the metric catalog, so a user
/// can look up what an ID in the `metric` column means, its unit and its definition.
enum MetricsCommand: Command {
    static let spec = CommandSpec(
        name: "metrics",
        abstract: "List the metric catalog: ID, 中文, unit, definition.",
        usage: ["metrics [--format FORMAT]"],
        options: [OutputFormat.option()],
        discussion: [
            "Columns: metric, chinese, english, unit, origin (reported or derived), decimals, definition.",
        ]
    )

    static func run(_ arguments: ParsedArguments, terminal: Terminal,
                    stdout: inout some UTF8OutputStream, stderr: inout some TextOutputStream) -> ExitCode {
        stdout.write(MetricCatalogDocument.render(Metric.catalog, format: .chosen(by: arguments, terminal: terminal), terminal: terminal))
        return .success
    }
}
