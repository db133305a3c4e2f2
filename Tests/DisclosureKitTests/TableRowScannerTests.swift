import Testing
@testable import DisclosureKit

/// TableRowScanner: a catalog label cell, an optional 行次, then the amount.
@Suite("TableRowScanner")
struct TableRowScannerTests {
    @Test("本年收入合计 27 5307.63 本年支出合计 58 5307.63 gives total_expenditure 5307.63, skipping 行次 58")
    func incomeExpenditureRow() throws {
        let found = Stage.tableRows("本年收入合计\t27\t5307.63\t本年支出合计\t58\t5307.63")
        #expect(found.count == 1)
        let o = try #require(found.first)
        #expect(o.metric == .totalExpenditure)
        #expect(o.role == .value)
        #expect(o.stated.description == "5307.63")
        #expect(o.amount == Stage.wan("5307.63"))
        #expect(o.place == .table)
        #expect(o.label == "本年支出合计")
        #expect(o.snippet == "本年支出合计 58 5307.63")
    }

    @Test("a row without 行次 reads the next cell; an ordinal or 合计 around the label is allowed", arguments: [
        "基本支出\t657.87", "一、基本支出\t657.87", "基本支出合计\t657.87", " 基本支出 \t 657.87 ",
    ])
    func labelCellShapes(_ row: String) throws {
        let o = try #require(Stage.tableRows(row).first)
        #expect(o.metric == .basicExpenditure)
        #expect(o.stated.description == "657.87")
    }

    @Test("a label cell with other words is not the metric", arguments: [
        "基本支出（人员经费）\t100.00", "财政拨款基本支出\t100.00", "其中：基本支出\t100.00", "项目\t基本支出说明\t100.00",
    ])
    func otherLabelCells(_ row: String) {
        #expect(Stage.tableRows(row).stage(.basicExpenditure).isEmpty)
    }

    @Test("an empty or non-numeric amount cell is no figure, never zero", arguments: [
        "本年支出合计\t58\t\t", "本年支出合计\t58\t—\t", "本年支出合计\t58\t5,30.76", "本年支出合计",
    ])
    func emptyCells(_ row: String) {
        #expect(Stage.tableRows(row).isEmpty)
    }

    @Test("the table's unit converts the cell: 53076300.00 元 is 5307.63 万元")
    func yuanTable() throws {
        let o = try #require(Stage.tableRows("本年支出合计\t58\t53076300.00", unit: .yuan).first)
        #expect(o.unit == .yuan)
        #expect(o.amount == Stage.wan("5307.63"))
    }

    @Test("three 三公 cells in one row are read side by side")
    func sangongRow() {
        let found = Stage.tableRows("因公出国（境）费\t0.00\t公务接待费\t0.97\t公务用车购置费\t0.00")
        #expect(found.map(\.metric) == [.sangongOutbound, .sangongReception, .sangongVehiclePurchase])
        #expect(found.map(\.stated.description) == ["0.00", "0.97", "0.00"])
    }

    @Test("thousands separators in cells are normalized before reading")
    func separatorsInCells() throws {
        let o = try #require(Stage.tableRows("项目支出\t4,649.76").first)
        #expect(o.stated.description == "4649.76")
    }

    @Test("the observation's line is the row's line in the file")
    func line() throws {
        let o = try #require(Stage.tableRows("表头\n\n基本支出\t657.87").first)
        #expect(o.line == 3)
    }

    @Test("a narrative line is read by the table scanner as one cell and yields nothing")
    func narrativeLine() {
        #expect(Stage.tableRows("基本支出657.87万元。").isEmpty)
    }

    @Test("a table row becomes total_expenditure with from_table when no narrative states it")
    func fromTableInReport() throws {
        let report = try TestSupport.extract("""
            怀仁市工业和信息化局2024年度部门决算公开
            一、收入支出决算总表
            金额单位：万元
            本年收入合计\t27\t5307.63\t本年支出合计\t58\t5307.63
            """)
        let f = report[.totalExpenditure]
        #expect(f.stageAmount == Stage.wan("5307.63"))
        #expect(f.flags == [.fromTable])
        #expect(f.source?.line == 4)
    }

    @Test("the narrative of the expenditure section wins over the table row")
    func narrativeBeatsTable() throws {
        let report = try TestSupport.extract("""
            怀仁市工业和信息化局2024年度部门决算公开
            一、收入支出决算总表
            本年收入合计\t27\t5307.63\t本年支出合计\t58\t5307.63
            三、支出决算情况说明
            2024年度本年支出合计5307.63万元。
            """)
        let f = report[.totalExpenditure]
        #expect(f.stageAmount == Stage.wan("5307.63"))
        #expect(f.flags.isEmpty)
        #expect(f.source?.line == 5)
        #expect(f.alternatives.map(\.place) == [.table])
    }

    @Test("a table declared in 元 converts exactly and is flagged")
    func yuanTableInReport() throws {
        let report = try TestSupport.extract("""
            怀仁市工业和信息化局2024年度部门决算公开
            一、收入支出决算总表
            金额单位：元
            本年收入合计\t27\t53076300.00\t本年支出合计\t58\t53076300.00
            """)
        let f = report[.totalExpenditure]
        #expect(f.formattedValue == "5307.63")
        #expect(Set(f.flags) == [.fromTable, .convertedFromYuan])
    }
}
