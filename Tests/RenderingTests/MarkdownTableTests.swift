import Testing
@testable import Rendering

@Suite struct MarkdownTableTests {
    @Test func rendersHeaderAlignmentAndRows() {
        let table = MarkdownTable(
            columns: [.init("单位"), .init("支出合计", alignment: .right)],
            rows: [["包头市", "3332.37"], ["Ordos"]]
        )
        #expect(table.render() == """
            | 单位 | 支出合计 |
            | --- | ---: |
            | 包头市 | 3332.37 |
            | Ordos |  |

            """)
    }

    @Test func escapesPipesAndLineBreaks() {
        let table = MarkdownTable(columns: [.init("a|b")], rows: [["收入|支出\n合计"], ["x\r\ny\rz"]])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines == ["| a\\|b |", "| --- |", "| 收入\\|支出<br>合计 |", "| x<br>y<br>z |"])
    }

    @Test func extraCellsAreDroppedAndNoColumnsGiveNothing() {
        let table = MarkdownTable(columns: [.init("a")], rows: [["1", "2"]])
        #expect(table.render() == "| a |\n| --- |\n| 1 |\n")
        #expect(MarkdownTable(columns: [], rows: [["x"]]).render() == "")
    }
}
