import Testing
@testable import Rendering

@Suite struct TextTableTests {
    static let table = TextTable(
        columns: [
            .init("单位"),
            .init("支出合计（万元）", alignment: .right),
            .init("备注"),
        ],
        rows: [
            ["包头市", "3332.37", "“三公”经费"],
            ["Ordos City", "146.00", ""],
            ["鄂尔多斯市财政局", "-5252.65"],
            ["ab", "0", "x"],
        ],
        notes: ["注：金额单位为万元。"]
    )

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func exactLayout() {
        let text = Self.table.render()
        let expected = """
            单位              支出合计（万元）  备注
            ────────────────  ────────────────  ──────────
            包头市                     3332.37  “三公”经费
            Ordos City                  146.00
            鄂尔多斯市财政局          -5252.65
            ab                               0  x
            注：金额单位为万元。

            """
        #expect(text == expected)
    }

    @Test func rightAlignedNumbersEndInTheSameDisplayColumn() {
        let lines = Self.lines(Self.table.render())
        let numbers = ["3332.37", "146.00", "-5252.65", "0"]
        // Header end of the numeric column is where every number must end.
        let header = lines[0]
        let titleEnd = header.firstRange(of: "支出合计（万元）").map { EastAsianWidth.columns(of: header[..<$0.upperBound]) }
        #expect(titleEnd == 16 + 2 + 16)
        for (line, number) in zip(lines[2...], numbers) {
            let end = line.firstRange(of: number).map { EastAsianWidth.columns(of: line[..<$0.upperBound]) }
            #expect(end == titleEnd, "\(line)")
        }
    }

    @Test func ruleHasOneDashPerDisplayColumn() {
        let lines = Self.lines(Self.table.render())
        let segments = lines[1].split(separator: "  ").map { $0.count }
        #expect(segments == [16, 16, 10])
        #expect(lines[1].allSatisfy { $0 == "─" || $0 == " " })
    }

    @Test func noLineHasTrailingSpaces() {
        let text = Self.table.render()
        #expect(text.hasSuffix("\n"))
        for line in Self.lines(text) {
            #expect(!line.hasSuffix(" "), "\(line)")
        }
    }

    @Test func shortRowsArePaddedAndLongRowsCut() {
        let table = TextTable(columns: [.init("a"), .init("b", alignment: .right)], rows: [[], ["x", "1", "extra"]])
        #expect(table.render() == "a  b\n─  ─\n\nx  1\n")
    }

    @Test func emptyColumnsStillShowInTheRuleWithoutTrailingSpaces() {
        let table = TextTable(columns: [.init("单位"), .init("")], rows: [["包头市", ""]])
        #expect(table.render() == "单位\n──────  ─\n包头市\n")
    }

    @Test func breaksInsideCellsBecomeSpaces() {
        let table = TextTable(columns: [.init("单位")], rows: [["包头\r\n市\t局"]])
        #expect(Self.lines(table.render())[2] == "包头 市 局")
    }

    @Test func fitsIntoMaxWidthByShrinkingTheWidestLeftColumn() {
        let table = TextTable(
            columns: [.init("单位"), .init("金额", alignment: .right), .init("说明")],
            rows: [
                ["内蒙古自治区鄂尔多斯市财政局", "3332.37", "一般公共预算财政拨款支出"],
                ["Ordos", "146.00", "无"],
            ]
        )
        let natural = Self.lines(table.render())
        #expect(EastAsianWidth.columns(of: natural[1]) == 28 + 2 + 7 + 2 + 24)
        for maxWidth in [60, 50, 40, 30, 23] {
            let lines = Self.lines(table.render(maxWidth: maxWidth)).filter { !$0.isEmpty }
            for line in lines {
                #expect(EastAsianWidth.columns(of: line) <= maxWidth, "\(maxWidth): \(line)")
            }
            // The amount is never cut and stays right-aligned.
            let ends = ["3332.37", "146.00"].enumerated().map { index, number in
                let line = lines[2 + index]
                return line.firstRange(of: number).map { EastAsianWidth.columns(of: line[..<$0.upperBound]) }
            }
            #expect(ends[0] != nil && ends[0] == ends[1], "\(maxWidth)")
        }
        let fitted = Self.lines(table.render(maxWidth: 40))
        #expect(fitted[2].contains("…"))
        #expect(fitted[3].hasPrefix("Ordos"))
    }

    @Test func neverShrinksBelowFourColumns() {
        let table = TextTable(
            columns: [.init("单位"), .init("金额", alignment: .right)],
            rows: [["内蒙古自治区财政厅", "3332.37"]]
        )
        let lines = Self.lines(table.render(maxWidth: 1))
        #expect(lines[1] == "────  ───────")
        // "内" + "…" is 3 columns: a wide character did not fit in the fourth.
        #expect(lines[2] == "内…   3332.37")
        #expect(Self.lines(table.render(maxWidth: Int.min))[1] == "────  ───────")
    }

    @Test func shrinkingTakesFromTheWidestFirst() {
        let table = TextTable(columns: [.init("a"), .init("b"), .init("c")])
        #expect(table.shrunk([20, 12, 8], by: 10) == [11, 11, 8])
        #expect(table.shrunk([20, 12, 8], by: 100) == [4, 4, 4])
        #expect(table.shrunk([5, 5], by: 1) == [4, 5])
    }

    @Test func maxColumnsCapsAColumn() {
        let table = TextTable(columns: [.init("单位", maxColumns: 6), .init("金额", alignment: .right)], rows: [["鄂尔多斯市", "1"]])
        let lines = Self.lines(table.render())
        #expect(lines[2] == "鄂尔…      1")
        #expect(TextTable(columns: [.init("abc", maxColumns: -3)]).render() == "…\n─\n")
    }

    @Test func tableWithoutColumnsPrintsOnlyNotes() {
        #expect(TextTable(columns: [], rows: [["x"]], notes: ["注 ", "a\nb"]).render() == "注\na\nb\n")
        #expect(TextTable(columns: []).render() == "")
    }
}
