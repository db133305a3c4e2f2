import Analytics
import DisclosureKit

/// The words of a briefing in one language: title, section headings, column titles, the
/// legend and the wording of a stated change.
///
/// Why a type: the Markdown, CSV and HTML files say the same things; keeping every word in
/// one place keeps them alike, and `--lang en` switches all of them. Metric names, short
/// column titles, kinds and scopes come from `ComparisonLabels`, as in `compare`.
struct BriefingLabels: Sendable {
    let language: Language
    var comparison: ComparisonLabels { ComparisonLabels(language: language) }
    var zh: Bool { language == .zh }

    /// `2024 年度部门决算与预算简报`; `Briefing on the 2024 final accounts and budgets`.
    func title(_ briefing: Briefing) -> String {
        zh ? "\(briefing.fiscalYear) 年度部门决算与预算简报" : "Briefing on the \(briefing.fiscalYear) final accounts and budgets"
    }

    /// The paragraph under the title: what was read, units, the legend for `—`, where sources are.
    func lead(_ briefing: Briefing) -> String {
        let documents = briefing.reports.map(\.report.document).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        let finals = briefing.finals.count
        let budgets = briefing.budgets.count
        if zh {
            return "本简报依据 \(finals) 份决算、\(budgets) 份预算报告（\(documents.joined(separator: "、"))）。"
                + "金额单位为万元，占比、执行率和增减幅度单位为 %；“—”表示报告未公开该数字，未公开不等于 0。"
                + "每个数字都取自报告原文，出处（文件与行号）见“数据来源”。"
        }
        return "Based on \(finals) final account\(finals == 1 ? "" : "s") and \(budgets) budget\(budgets == 1 ? "" : "s") "
            + "(\(documents.joined(separator: ", "))). Amounts in 万元 (10,000 yuan), shares, rates and changes in %; "
            + "“—” marks a figure the report does not disclose, which is not zero. Every figure is read from the report; "
            + "its file and line are listed under “Sources”."
    }

    // MARK: Sections

    func headlineHeading(_ kind: ReportKind) -> String {
        switch (kind, zh) {
        case (.final, true): return "一、主要指标：决算"
        case (.budget, true): return "二、主要指标：预算"
        case (.final, false): return "1. Headline figures: final accounts"
        case (.budget, false): return "2. Headline figures: budgets"
        }
    }

    /// `三、分项排名（决算，从大到小）`.
    func rankingHeading(_ kind: ReportKind) -> String {
        zh ? "三、分项排名（\(comparison.kind(kind))，从大到小）" : "3. Rankings (\(kind == .final ? "final accounts" : "budgets"), largest first)"
    }

    var budgetHeading: String { zh ? "四、预算与决算" : "4. Budget against final accounts" }
    var changeHeading: String { zh ? "五、与上年相比（报告所述）" : "5. Change against the previous year, as the reports state it" }
    var auditHeading: String { zh ? "六、审核与完整性" : "6. Audit and completeness" }
    var notesHeading: String { zh ? "七、说明" : "7. Notes" }
    var sourcesHeading: String { zh ? "八、数据来源" : "8. Sources" }

    /// `甲市工业和信息化局 · 2024 决算 · city-a-2024-final.txt`: above a report's sources.
    func sourceHeading(_ report: AlignedReport) -> String {
        "\(report.bureau.name) · \(report.fiscalYear) \(comparison.kind(report.kind)) · \(report.document)"
    }

    /// Said where a section has nothing to show.
    func none(_ what: String) -> String { zh ? "（本年度无\(what)。）" : "(No \(what) this year.)" }
    var noFinals: String { zh ? "决算报告" : "final accounts" }
    var noBudgets: String { zh ? "预算报告" : "budgets" }
    var noPairs: String { zh ? "同一部门同年的预算与决算" : "budget and final accounts of one bureau" }

    /// Under the headline tables of the HTML page, which splits the columns in three groups.
    func headlineGroup(_ index: Int) -> String {
        switch (index, zh) {
        case (0, true): return "“三公”经费"
        case (1, true): return "机关运行经费与支出"
        case (_, true): return "政府采购"
        case (0, false): return "Three public expenses"
        case (1, false): return "Operating costs and expenditure"
        case (_, false): return "Government procurement"
        }
    }

    /// The headline's metrics in three groups (22 in all, catalog figures by family), so the
    /// HTML tables fit the width of an A4 page.
    static let headlineGroups: [[MetricID]] = [
        [.sangongTotal, .sangongOutbound, .sangongVehicle, .sangongVehiclePurchase, .sangongVehicleOperation,
         .sangongReception, .sangongBudget, .sangongExecution, .sangongIntensity],
        [.adminOperatingCost, .adminCostIntensity, .totalExpenditure, .basicExpenditure, .projectExpenditure, .projectShare],
        [.procurementTotal, .procurementGoods, .procurementWorks, .procurementServices, .procurementSME,
         .procurementSmallMicro, .procurementSMEShare],
    ]

    /// Every catalog metric, in the headline's order.
    static var headlineMetrics: [MetricID] { headlineGroups.flatMap { $0 } }

    // MARK: Columns

    var bureau: String { zh ? "部门" : "bureau" }
    var region: String { zh ? "地区" : "region" }
    var scope: String { zh ? "口径" : "scope" }
    var kind: String { zh ? "类型" : "kind" }
    var document: String { zh ? "文件" : "file" }
    var origin: String { zh ? "出处" : "source" }
    var rank: String { zh ? "名次" : "#" }
    var value: String { zh ? "数值" : "value" }
    var metric: String { zh ? "项目" : "figure" }
    var lines: String { zh ? "行" : "lines" }
    var pages: String { zh ? "页" : "pages" }
    var sourceText: String { zh ? "原文" : "text" }
    var current: String { zh ? "本年（万元）" : "this year (万元)" }
    var changeAmount: String { zh ? "增减额" : "change" }
    var changePercent: String { zh ? "增减幅度" : "change %" }
    var budget: String { zh ? "预算" : "budget" }
    var final: String { zh ? "决算" : "final" }
    var execution: String { zh ? "执行率%" : "execution %" }
    var findings: String { zh ? "问题数" : "findings" }
    var errors: String { zh ? "错误" : "errors" }
    var warnings: String { zh ? "警告" : "warnings" }
    var infos: String { zh ? "提示" : "info" }
    var completeness: String { zh ? "完整性" : "completeness" }
    var disclosedOfRequired: String { zh ? "已披露/应披露" : "disclosed/required" }
    var notStated: String { zh ? "未说明" : "not stated" }

    /// A short title with the unit for a headline column: `三公合计`, `项目占比%`.
    func headlineTitle(_ metric: MetricID) -> String { comparison.short(metric) }

    // MARK: Changes

    /// `与上年相同`: what a report says of a figure that did not change.
    var unchanged: String { zh ? "与上年相同" : "same as the previous year" }

    /// `减少 0.01 万元`, `增加 55.79 万元`, `与上年相同`; `—` when not stated.
    func amountChange(_ change: YearOnYear) -> String {
        if change.isUnchanged { return unchanged }
        guard let amount = change.amount else { return "—" }
        let magnitude = Amount(fen: amount.fen.magnitude <= UInt64(Int64.max) ? Int64(amount.fen.magnitude) : .max).wanYuan()
        switch change.amountDirection {
        case .increase?: return zh ? "增加 \(magnitude) 万元" : "up \(magnitude) 万元"
        case .decrease?: return zh ? "减少 \(magnitude) 万元" : "down \(magnitude) 万元"
        case nil: return "\(magnitude) 万元"
        }
    }

    /// `下降 1.02%`, `增长 81.24%`; `—` when not stated.
    func percentChange(_ change: YearOnYear) -> String {
        guard let percent = change.percent else { return "—" }
        let magnitude = FixedDecimal(mantissa: percent.mantissa.magnitude <= UInt64(Int64.max) ? Int64(percent.mantissa.magnitude) : .max,
                                     scale: percent.scale).description
        switch change.percentDirection {
        case .increase?: return zh ? "增长 \(magnitude)%" : "up \(magnitude)%"
        case .decrease?: return zh ? "下降 \(magnitude)%" : "down \(magnitude)%"
        case nil: return "\(magnitude)%"
        }
    }

    /// `city-a-2024-final.txt 第 287 行`; `city-a-2024-final.txt, line 287`; for a PDF with the
    /// pages of those lines, each once: `city-a-2024-final.pdf 第 287 行（第 7 页）`, `…, line 287 (page 7)`.
    func place(_ document: String, _ lines: [Int], pages: [Int] = []) -> String {
        guard !lines.isEmpty else { return document }
        let separator = zh ? "、" : ", "
        let list = lines.map(String.init).joined(separator: separator)
        let distinctPages = Array(Set(pages)).sorted()
        let pageList = distinctPages.map(String.init).joined(separator: separator)
        if zh {
            return "\(document) 第 \(list) 行" + (distinctPages.isEmpty ? "" : "（第 \(pageList) 页）")
        }
        return "\(document), line\(lines.count == 1 ? "" : "s") \(list)"
            + (distinctPages.isEmpty ? "" : " (page\(distinctPages.count == 1 ? "" : "s") \(pageList))")
    }

    /// The distinct pages of a figure's lines, ascending: `7, 8`; `7、8` in Chinese.
    func pageList(_ pages: [Int]) -> String {
        Array(Set(pages)).sorted().map(String.init).joined(separator: zh ? "、" : ", ")
    }

    // MARK: Notes

    /// The notes that always stand in a briefing, after the comparison's own.
    var standingNotes: [String] {
        zh ? [
            "“—”与“未公开”：报告没有披露该数字，不等于 0；报告写明“0 万元”或“无此项支出”时记为 0.00。排名中未公开者列于末尾，不参与排名；图中以文字“未公开”表示，不画零长度的条。",
            "占比、执行率和强度由报告中的金额精确计算，只在显示时四舍五入，不抄录报告自述的百分比。",
            "“与上年相比”取自报告自己的表述（如“与上年决算相比，减少 0.01 万元，下降 1.02%”），方向以“增加/增长”或“减少/下降”等用词为准；决算与上年决算相比，预算与上年预算相比。报告未作说明的记为“未说明”。",
            "问题数为一致性检查（分项之和、占比、执行率、前后表述、目录）发现的条数；完整性为应披露事项中已披露的比例。明细见 bureau-compare audit。",
        ] : [
            "“—” and “not disclosed”: the report does not state the figure, which is not zero; a stated “0 万元” or “无此项支出” is 0.00. Undisclosed figures are listed last and unranked, and charts show them as the words “not disclosed”, never as a bar of zero length.",
            "Shares, rates and intensities are computed exactly from the reported amounts and rounded only when printed; the percentages reports state are not copied.",
            "“Change against the previous year” is what each report itself states (e.g. 与上年决算相比，减少 0.01 万元，下降 1.02%); its direction follows the words 增加/增长 or 减少/下降. Final accounts compare with the previous year's final accounts, budgets with the previous budget. A change the report does not state is “not stated”.",
            "Findings are what the consistency checks (parts and totals, shares, rates, conflicting statements, contents) found; completeness is the share of required items the report discloses. See bureau-compare audit for the details.",
        ]
    }
}

extension YearOnYear {
    /// The direction of the amount statement: its sign once the wording is applied, or its
    /// word for a zero (`增加 0 万元`).
    var amountDirection: Observation.Direction? {
        guard let fen = amount?.fen else { return nil }
        if fen != 0 { return fen < 0 ? .decrease : .increase }
        return amountStatement?.direction
    }

    /// The direction of the percentage statement, as for the amount.
    var percentDirection: Observation.Direction? {
        guard let mantissa = percent?.mantissa else { return nil }
        if mantissa != 0 { return mantissa < 0 ? .decrease : .increase }
        return percentStatement?.direction
    }
}
