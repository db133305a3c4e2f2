import Testing
@testable import DisclosureKit

/// Segment: ordinal headings open sections, headings' words give a family, tables and the
/// table of contents are marked, declared table units are tracked.
@Suite("Segmenter")
struct SegmenterTests {
    /// The context of the first logical line whose text starts with `prefix`.
    static func context(_ prefix: String, in segmented: [(line: LogicalLine, context: LineContext)]) -> LineContext? {
        segmented.first { $0.line.text.hasPrefix(prefix) }?.context
    }

    @Test("ordinal headings have levels: 第X部分 0, 一、 1, （一） 2")
    func headingLevels() {
        #expect(HeadingParser.level(of: Array("第二部分 部门决算情况说明".unicodeScalars)) == 0)
        #expect(HeadingParser.level(of: Array("三、支出决算情况说明".unicodeScalars)) == 1)
        #expect(HeadingParser.level(of: Array("十一、机关运行经费支出决算情况说明".unicodeScalars)) == 1)
        #expect(HeadingParser.level(of: Array("（七）关于 2020 年度财政拨款“三公”经费支出决算情况说明".unicodeScalars)) == 2)
        #expect(HeadingParser.level(of: Array("(二)政府采购情况说明".unicodeScalars)) == 2)
        #expect(HeadingParser.level(of: Array("- 八、财政拨款“三公”经费支出决算情况说明".unicodeScalars)) == 1)
    }

    @Test("a line that states an amount, a numbered item or plain text is not a heading", arguments: [
        "（一）人员经费 1464.79 万元。", "三、项目支出占比87.61%", "1、财政拨款“三公”经费支出决算总体情况说明",
        "第一节 概况", "三公经费支出情况", "一、收入支出决算总表\t3",
    ])
    func notHeadings(_ line: String) {
        #expect(HeadingParser.level(of: Array(line.unicodeScalars)) == nil)
    }

    @Test("a heading's words give its family", arguments: [
        ("八、财政拨款“三公”经费支出决算情况说明", Metric.Family.sangong),
        ("十一、机关运行经费（公用经费）支出决算情况说明", .admin),
        ("（一）机构运行经费支出情况说明", .admin),
        ("（二）政府采购情况说明", .procurement),
        ("三、支出决算情况说明", .expenditure),
        ("二、支出预算情况说明", .expenditure),
    ])
    func families(_ heading: String, _ family: Metric.Family) {
        #expect(SectionClassifier.family(of: heading) == family)
    }

    @Test("appropriation-only and other sections introduce no family", arguments: [
        "六、一般公共预算财政拨款基本支出决算情况说明", "五、一般公共预算财政拨款支出决算情况说明",
        "九、政府性基金预算财政拨款支出决算情况说明", "四、财政拨款收入支出决算总体情况说明",
        "十、其他重要事项情况说明", "十四、预算绩效情况说明", "第一部分 单位概况",
    ])
    func noFamily(_ heading: String) {
        #expect(SectionClassifier.family(of: heading) == nil)
    }

    @Test("a section's text carries its family until a sibling heading closes it")
    func sectionsOpenAndClose() throws {
        let segmented = Stage.segment([
            "第二部分 部门决算情况说明",
            "三、支出决算情况说明",
            "2024年度支出合计5307.63万元。",
            "八、财政拨款“三公”经费支出决算情况说明",
            "2024年度“三公”经费支出7.50万元。",
            "九、政府性基金预算财政拨款支出决算情况说明",
            "本单位无政府性基金预算财政拨款支出。",
        ])
        #expect(Self.context("三、", in: segmented)?.kind == .heading(level: 1))
        #expect(Self.context("第二部分", in: segmented)?.kind == .heading(level: 0))
        #expect(Self.context("2024年度支出合计", in: segmented)?.family == .expenditure)
        #expect(Self.context("2024年度“三公”", in: segmented)?.family == .sangong)
        #expect(Self.context("2024年度“三公”", in: segmented)?.kind == .text)
        #expect(Self.context("本单位无政府性基金", in: segmented)?.family == nil)
    }

    @Test("a subsection inherits the family it names under 其他重要事项, then loses it")
    func nestedSections() {
        let segmented = Stage.segment([
            "十、其他重要事项情况说明",
            "（一）机关运行经费支出情况说明",
            "2024年机关运行经费支出19.07万元。",
            "（二）政府采购情况说明",
            "2024年度政府采购支出总额700.00万元。",
            "（三）国有资产占用情况说明",
            "截至2024年底，共有车辆2辆。",
            "十一、预算绩效情况说明",
        ])
        #expect(Self.context("2024年机关运行经费", in: segmented)?.family == .admin)
        #expect(Self.context("2024年度政府采购", in: segmented)?.family == .procurement)
        #expect(Self.context("截至2024年底", in: segmented)?.family == nil)
        #expect(Self.context("十一、", in: segmented)?.kind == .heading(level: 1))
    }

    @Test("tab-separated rows are table rows and keep the section's family")
    func tableRows() {
        let segmented = Stage.segment([
            "三、支出决算情况说明",
            "本年收入合计\t27\t5307.63\t本年支出合计\t58\t5307.63",
        ])
        let row = Self.context("本年收入合计", in: segmented)
        #expect(row?.kind == .tableRow)
        #expect(row?.family == .expenditure)
    }

    @Test("a table's declared unit holds for the rows below it", arguments: [
        ("金额单位：元", AmountUnit.yuan), ("金额单位：万元", .wanYuan), ("（单位：万元）", .wanYuan), ("单位: 元", .yuan),
    ])
    func declaredUnit(_ header: String, _ unit: AmountUnit) {
        #expect(Segmenter.declaredUnit(header) == unit)
        let segmented = Stage.segment(["一、收入支出决算总表", header, "本年支出合计\t58\t5307.63"])
        #expect(Self.context("本年支出合计", in: segmented)?.tableUnit == unit)
    }

    @Test("words about units that declare none are no unit")
    func noDeclaredUnit() {
        #expect(Segmenter.declaredUnit("单位名称：包头市工业和信息化局") == nil)
        #expect(Segmenter.declaredUnit("本单位决算") == nil)
        let segmented = Stage.segment(["本年支出合计\t58\t5307.63"])
        #expect(segmented.first?.context.tableUnit == nil)
    }

    @Test("a declared unit lapses far from its table")
    func unitLapses() {
        var lines = ["金额单位：元", "本年支出合计\t58\t53076300"]
        for k in 0..<130 { lines.append("第\(k)句说明。") }
        lines.append("基本支出\t6578700")
        let segmented = Stage.segment(lines)
        #expect(Self.context("本年支出合计", in: segmented)?.tableUnit == .yuan)
        #expect(Self.context("基本支出", in: segmented)?.tableUnit == nil)
    }

    @Test("the table of contents is marked until the body repeats its first entry")
    func tableOfContents() {
        let segmented = Stage.segment([
            "目 录",
            "第一部分 概况\t1",
            "三、支出决算表\t7",
            "八、财政拨款“三公”经费支出决算情况说明\t12",
            "第一部分 概况",
            "一、部门职责",
            "本部门2024年度支出合计5307.63万元。",
        ])
        #expect(segmented.map(\.context.inContents) == [true, true, true, true, false, false, false])
        #expect(segmented[2].context.kind == .heading(level: 1))
        #expect(segmented[3].context.kind != .tableRow)
        #expect(segmented[4].context.kind == .heading(level: 0))
    }

    @Test("a contents without a repeated entry still ends at the first narrative statement")
    func contentsEndAtStatement() {
        let segmented = Stage.segment([
            "目录",
            "一、收入支出决算总表\t3",
            "二、收入决算表\t5",
            "2024年度本年支出合计5307.63万元。",
        ])
        #expect(segmented.map(\.context.inContents) == [true, true, true, false])
    }

    @Test("a markdown heading without an ordinal still opens a section")
    func markdownHeading() {
        let segmented = Stage.segment(["### 政府采购支出情况", "2024年度政府采购支出总额141.99万元。"])
        #expect(segmented[0].context.kind == .heading(level: 1))
        #expect(Self.context("2024年度政府采购", in: segmented)?.family == .procurement)
    }
}
