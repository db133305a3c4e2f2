import DisclosureKit

/// One figure as Analytics keeps it for every report read: the value, the line it
/// was read from and how it was obtained — without the sentence, the other statements of the
/// metric or the report's other observations.
///
/// Why not `Figure`: a comparison must hold every report until all are read (a ranking sorts
/// all bureaus), so what it keeps per report decides its memory. A `Figure` carries its source
/// sentence and every alternative statement, kilobytes per report; rankings, the wide and long
/// tables, comparison.json and the notes need only the value, where it was read and the flags.
/// The sentences are written (metrics.csv) while the whole report is still at hand.
public struct CompactFigure: Sendable, Hashable {
    /// Where a figure was read: the original file's line. Its page, for paged input, is the
    /// report's `PageMap` of that line (`AlignedReport.page(ofLine:)`): one mapping for every output.
    public struct Source: Sendable, Hashable {
        /// 1-based line number in the original file.
        public let line: Int

        public init(line: Int) {
            self.line = line
        }
    }

    public let metric: MetricID
    /// nil when the report does not disclose the figure (never 0).
    public let value: FigureValue?
    /// The statement the value was taken from (for derived figures: the numerator's), nil when none.
    public let source: Source?
    public let flags: [Flag]
    /// The value as printed in CSV: empty when not disclosed (as `Figure.formattedValue`).
    ///
    /// Printed once, when the figure is kept (on the worker that extracted the report): the
    /// comparison's files print a figure up to six times (comparison.json, comparison.csv,
    /// rankings.csv, stdout, and as the context of other rankings), and each printing looked
    /// the metric's decimals up in the catalog and formatted the value again.
    public let formattedValue: String

    public init(metric: MetricID, value: FigureValue?, source: Source? = nil, flags: [Flag] = []) {
        self.metric = metric
        self.value = value
        self.source = source
        self.flags = flags
        formattedValue = value?.formatted(decimals: metric.metric.decimals) ?? ""
    }

    /// The parts of `figure` a comparison uses.
    public init(_ figure: Figure) {
        self.init(metric: figure.metric, value: figure.value,
                  source: figure.source.map { Source(line: $0.line) }, flags: figure.flags)
    }

    public var isDisclosed: Bool { value != nil }
}
