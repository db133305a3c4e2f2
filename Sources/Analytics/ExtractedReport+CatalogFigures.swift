import DisclosureKit

extension ExtractedReport {
    /// One figure per catalog metric, in catalog order: `MetricID.allCases.map { self[$0] }`.
    ///
    /// Why: the extractor returns its figures in catalog order, so they are taken as they are;
    /// looking each metric up searched the figures from the start (22 × 11 comparisons and a copy
    /// of each figure found, per report and per output). Searched only when they are not so.
    public var catalogFigures: [Figure] {
        let ids = MetricID.allCases
        if figures.count == ids.count && zip(figures, ids).allSatisfy({ $0.metric == $1 }) { return figures }
        return ids.map { self[$0] }
    }
}
