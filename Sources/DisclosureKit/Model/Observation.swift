/// One statement of a figure in a report, with the line it came from.
///
/// `公务接待费全年预算 0.98 万元，支出决算 0.97 万元，完成预算的 99.31%` gives three
/// observations of `sangong_reception`: a budget amount, a value and an execution rate.
public struct Observation: Sendable, Hashable {
    /// What the number says about the metric.
    public enum Role: String, Sendable, Hashable, Codable {
        /// The figure itself: 支出决算 0.97 万元, 预算支出 3.77 万元.
        case value
        /// The full-year or initial budget beside a final figure: 全年预算 0.98 万元.
        case budget
        /// The change against the previous year: 与上年决算相比，减少 0.01 万元.
        case change
        /// The stated change in percent: 下降 1.02%.
        case changePercent = "change_percent"
        /// A stated share: 占 52.31%, 占政府采购支出总额的 98.69%.
        case share
        /// A stated execution rate: 完成预算的 99.31%.
        case execution
    }

    /// Where in the report a statement was found; narrative sections of the metric's own
    /// family are trusted most, then tables, then everything else.
    public enum Place: String, Sendable, Hashable, Codable {
        /// The template's section for this family (八、财政拨款“三公”经费支出决算情况说明).
        case ownSection = "own_section"
        /// A table row (tab-separated cells).
        case table
        /// Any other narrative: other sections, performance reports, glossaries.
        case elsewhere
    }

    /// Which way a change statement says the figure moved, read from the word right before
    /// its number: `增加 55.79 万元`, `增长 81.24%` are `.increase`; `减少 0.01 万元`,
    /// `下降 1.02%` are `.decrease`.
    ///
    /// Why a word and not the sign: reports write the number as they please — `减少 0.01`
    /// and `减少-0.32` both mean a decrease — so the sign of `stated` alone cannot say which
    /// way a figure went.
    public enum Direction: String, Sendable, Hashable, Codable {
        case increase, decrease
    }

    public let metric: MetricID
    public let role: Role
    /// The number as written (after normalization): `0.97`, `-5252.65`.
    public let stated: FixedDecimal
    /// The unit of an amount; nil for a percentage.
    public let unit: AmountUnit?
    /// The amount in exact 分, for amount roles; nil for percentages.
    public let amount: Amount?
    /// 1-based line number in the original file. Its page, for paged input, is the report's
    /// `PageMap` of the line: one mapping for every output, findings included.
    public let line: Int
    /// The sentence the number stands in, as normalized text.
    public let snippet: String
    public let place: Place
    /// What matched: the label as written (`公务接待费`), for tracing a rule back.
    public let label: String
    /// For shares, the denominator named in the text (`政府采购支出总额`), if any.
    public let shareOf: String?
    /// The preference of the label among the metric's labels: 0 best (`机关运行经费` 0, `公用经费` 1).
    public let labelRank: Int
    /// Set when the statement gives one part of a figure stated in parts (`reserved`, `other`).
    public let part: String?
    /// Identifies the sentence (or table row) the statement stands in: statements with the same
    /// value belong together (`公务接待费支出 1.27 万元，占 33.69%`). A change stated in a
    /// sentence of its own right after its figure (`公务接待费支出 0.97 万元。…与上年决算相比，
    /// 减少 0.01 万元`) carries the sentence of that figure.
    public let sentence: Int
    /// For `.change` and `.changePercent`: the direction the wording gives (`减少` → `.decrease`);
    /// nil for other roles and for a change written without such a word (`同比 -5%`).
    public let direction: Direction?

    public init(metric: MetricID, role: Role, stated: FixedDecimal, unit: AmountUnit?, amount: Amount?,
                line: Int, snippet: String, place: Place, label: String, shareOf: String? = nil,
                labelRank: Int = 0, part: String? = nil, sentence: Int = 0, direction: Direction? = nil) {
        self.metric = metric
        self.role = role
        self.stated = stated
        self.unit = unit
        self.amount = amount
        self.line = line
        self.snippet = snippet
        self.place = place
        self.label = label
        self.shareOf = shareOf
        self.labelRank = labelRank
        self.part = part
        self.sentence = sentence
        self.direction = direction
    }
}
