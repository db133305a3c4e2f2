import DisclosureKit

/// What a comparison is asked for: which reports (`--year`, `--kind`), which order
/// (`--order`) and which tables (`--metric`, repeatable).
///
/// `ComparisonOptions()` is the default run: each bureau's latest final accounts, largest
/// first, the tables of `MetricContext.defaultRanked`.
public struct ComparisonOptions: Sendable, Hashable {
    public var selection: ReportSelection
    public var order: RankOrder
    /// The metrics to rank, in the order their tables appear; empty for the default tables.
    public var metrics: [MetricID]

    public init(selection: ReportSelection = ReportSelection(), order: RankOrder = .descending, metrics: [MetricID] = []) {
        self.selection = selection
        self.order = order
        self.metrics = metrics
    }

    /// The tables to draw: `metrics` without repeats in the order given, or the defaults.
    public var rankedMetrics: [MetricID] {
        guard !metrics.isEmpty else { return MetricContext.defaultRanked }
        var seen = Set<MetricID>()
        return metrics.filter { seen.insert($0).inserted }
    }
}
