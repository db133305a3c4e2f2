import DisclosureKit

/// The change against the previous year that a report itself states for one figure:
/// `city-a-2024-final.txt`, 公务接待费 — `与上年决算相比，减少 0.01 万元，下降 1.02%` (line 287)
/// is an amount of −0.01 万元 and −1.02 %.
///
/// Why as stated and not computed: a bureau's previous report may be missing, cover another
/// scope or have been restated; the sentence in this year's report is what the bureau itself
/// says, and it is what a reader can check against the document.
///
/// Which statements: change statements (`Observation.Role.change`, `.changePercent`) of the
/// metric, taken from one sentence, chosen in this order —
/// 1. the sentence of the resolved figure (`公务用车运行维护费支出 0.68 万元，…较上年减少-0.32
///    万元`), in the metric's own section;
/// 2. else a sentence that restates the figure with the same amount (`3. 公务接待费支出 0.97 万元。
///    …与上年决算相比，减少 0.01 万元`; also outside the section, as the expenditure total's
///    change stands in the overview, not under 支出决算情况说明);
/// 3. else the first change statement in the metric's own section.
/// Never a table cell. Within the chosen sentence the first amount and the first percentage
/// are taken.
///
/// When no change statement is found but the figure's own sentence says it is the same as
/// last year (`因公出国（境）费支出0万元，与上年相同`), that sentence is kept as
/// `unchangedStatement`: the report states no change, which is not the same as stating nothing.
///
/// The sign comes from the words (`Observation.direction`): `减少 0.01` and `减少-0.32` are
/// decreases of 0.01 and 0.32; `增加 55.79` is +55.79; a number without such a word keeps
/// the sign it is written with.
public struct YearOnYear: Sendable, Hashable {
    /// The figures whose stated change a briefing shows: 三公 and its parts, 机关运行经费 and
    /// 本年支出合计, in catalog order.
    public static let metrics: [MetricID] = [
        .sangongTotal, .sangongOutbound, .sangongVehicle, .sangongVehiclePurchase, .sangongVehicleOperation,
        .sangongReception, .adminOperatingCost, .totalExpenditure,
    ]

    public let metric: MetricID
    /// `减少 0.01 万元`: the amount statement, nil when the report states none.
    public let amountStatement: Observation?
    /// `下降 1.02%`: the percentage statement, nil when the report states none.
    public let percentStatement: Observation?

    /// `与上年相同`: the figure's sentence saying it did not change, when no change is stated.
    public let unchangedStatement: Observation?

    public init(metric: MetricID, amountStatement: Observation?, percentStatement: Observation?,
                unchangedStatement: Observation? = nil) {
        self.metric = metric
        self.amountStatement = amountStatement
        self.percentStatement = percentStatement
        self.unchangedStatement = amountStatement == nil && percentStatement == nil ? unchangedStatement : nil
    }

    /// The change `report` states for `metric` (both statements nil when it states none).
    public init(_ report: ExtractedReport, metric: MetricID) {
        let changes = report.observations.filter {
            $0.metric == metric && ($0.role == .change || $0.role == .changePercent) && $0.place != .table
        }
        let figure = report[metric]
        var tiers: [[Observation]] = []
        if let source = figure.source, source.place != .table, source.metric == metric {
            tiers.append(changes.filter { $0.place == .ownSection && $0.sentence == source.sentence })
        }
        var statements: [Observation] = []
        if let source = figure.source, source.metric == metric, source.place != .table { statements.append(source) }
        if case .amount(let amount)? = figure.value {
            let restated = report.observations.filter {
                $0.metric == metric && ($0.role == .value || $0.role == .budget) && $0.place != .table && $0.amount == amount
            }
            let sentences = Set(restated.map(\.sentence))
            tiers.append(changes.filter { sentences.contains($0.sentence) })
            statements += restated
        }
        tiers.append(changes.filter { $0.place == .ownSection })

        guard let chosen = tiers.first(where: { !$0.isEmpty }), let sentence = chosen.first?.sentence else {
            self.init(metric: metric, amountStatement: nil, percentStatement: nil,
                      unchangedStatement: statements.first { Self.saysUnchanged($0.snippet) })
            return
        }
        let inSentence = chosen.filter { $0.sentence == sentence }
        self.init(metric: metric,
                  amountStatement: inSentence.first { $0.role == .change && $0.amount != nil },
                  percentStatement: inSentence.first { $0.role == .changePercent })
    }

    /// Whether the report says anything about the change: an amount, a percentage, or that
    /// the figure is the same as last year.
    public var isStated: Bool { amountStatement != nil || percentStatement != nil || unchangedStatement != nil }

    /// Whether the report says only that the figure did not change (`与上年相同`).
    public var isUnchanged: Bool { unchangedStatement != nil }

    /// The change in exact 分, negative for a decrease: `减少 0.01 万元` → −0.01 万元.
    public var amount: Amount? {
        guard let statement = amountStatement, let stated = statement.amount else { return nil }
        return Self.signed(stated.fen, statement.direction).map(Amount.init(fen:))
    }

    /// The change in percent as stated, negative for a decrease: `下降 1.02%` → −1.02.
    public var percent: FixedDecimal? {
        guard let statement = percentStatement else { return nil }
        return Self.signed(statement.stated.mantissa, statement.direction).map {
            FixedDecimal(mantissa: $0, scale: statement.stated.scale)
        }
    }

    /// Which way the figure moved: the amount's sign, else the percentage's; for a change of
    /// zero the report's word (`增加 0 万元` is an increase of nothing); nil when not stated or
    /// a zero without a word.
    public var direction: Observation.Direction? {
        if let fen = amount?.fen, fen != 0 { return fen < 0 ? .decrease : .increase }
        if let p = percent?.mantissa, p != 0 { return p < 0 ? .decrease : .increase }
        return amountStatement?.direction ?? percentStatement?.direction
    }

    /// The source lines of the statements, ascending, without repeats.
    public var lines: [Int] {
        Array(Set([amountStatement?.line, percentStatement?.line, unchangedStatement?.line].compactMap { $0 })).sorted()
    }

    /// Whether `sentence` says a figure is the same as the previous year's: `与上年相同`,
    /// `和上年相同`, `与上年持平`, `与上年“三公”经费财政拨款支出决算相同` — a comparison word with
    /// 上年, then within 24 characters, before any ASCII digit or sentence end, 相同/持平/一致/无变化.
    public static func saysUnchanged(_ sentence: String) -> Bool {
        let s = Array(sentence.unicodeScalars)
        let openers: [[Unicode.Scalar]] = ["与上年", "和上年", "同上年", "较上年", "比上年"].map { Array($0.unicodeScalars) }
        let closers: [[Unicode.Scalar]] = ["相同", "持平", "一致", "无变化", "没有变化"].map { Array($0.unicodeScalars) }
        let stops: Set<Unicode.Scalar> = ["。", "；", ";", "！", "？"]
        func matches(_ word: [Unicode.Scalar], at i: Int) -> Bool {
            i + word.count <= s.count && s[i..<(i + word.count)].elementsEqual(word)
        }
        for i in s.indices where openers.contains(where: { matches($0, at: i) }) {
            var j = i + 3
            while j < s.count, j <= i + 3 + 24, !stops.contains(s[j]), !(0x30...0x39).contains(s[j].value) {
                if closers.contains(where: { matches($0, at: j) }) { return true }
                j += 1
            }
        }
        return false
    }

    /// `value` with the sign the wording gives: a decrease is never positive, whatever the
    /// written sign; an increase or no word keeps the number as written. nil when the
    /// magnitude does not fit (`Int64.min`).
    static func signed(_ value: Int64, _ direction: Observation.Direction?) -> Int64? {
        guard value != .min else { return nil }
        switch direction {
        case .decrease?: return -abs(value)
        case .increase?, nil: return value
        }
    }
}
