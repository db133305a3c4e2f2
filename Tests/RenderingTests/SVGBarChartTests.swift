import TestHelpers
import Testing
import Foundation
@testable import Rendering

/// SVG bar charts: lengths proportional to the values, zero and not disclosed drawn
/// differently, every text escaped, the same input always the same bytes.
@Suite struct SVGBarChartTests {
    static let panel = SVGBarChart.Panel(title: "项目支出占比（%）", bars: [
        .init(label: "怀仁市工业和信息化局", value: 87.61, text: "87.61"),
        .init(label: "包头市工业和信息化局", value: 52.31, text: "52.31"),
        .init(label: "某县工业和信息化局", value: 0, text: "0.00"),
        .init(label: "某旗工业和信息化局", value: nil, text: ""),
    ])
    static let chart = SVGBarChart(title: "2024 支出", panels: [panel])

    /// The elements of `svg` with `tag` and `class`, one per line as the chart writes them.
    func elements(_ svg: String, _ tag: String, _ className: String) -> [Substring] {
        svg.split(separator: "\n").filter { $0.hasPrefix("<\(tag) class=\"\(className)\"") }
    }

    /// The value of attribute `name` in one element.
    func attribute(_ name: String, in element: Substring) -> Double? {
        guard let start = element.range(of: " \(name)=\"") else { return nil }
        let rest = element[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return Double(rest[..<end])
    }

    @Test func barLengthsAreProportionalToTheValues() throws {
        let svg = Self.chart.render()
        let bars = elements(svg, "rect", "bar")
        #expect(bars.count == 2, "zero and not disclosed draw no bar")
        let widths = bars.compactMap { attribute("width", in: $0) }
        let area = Self.chart.barArea
        #expect(abs(widths[0] - area) < 0.006, "the largest value fills the bar area")
        #expect(abs(widths[1] / widths[0] - 52.31 / 87.61) < 0.0005)
        #expect(abs(Self.chart.barLength(52.31, largest: 87.61) - area * 52.31 / 87.61) < 1e-9)
        // Every bar starts on the axis.
        let starts = Set(bars.compactMap { attribute("x", in: $0) })
        #expect(starts.count == 1 && abs((starts.first ?? 0) - Self.chart.barStart) < 0.006)
    }

    @Test func theValueIsPrintedAtTheBarsEnd() throws {
        let svg = Self.chart.render()
        let values = elements(svg, "text", "value")
        #expect(values.map { $0.contains(">87.61<") } == [true, false, false])
        let bar = try #require(elements(svg, "rect", "bar").first)
        let end = (attribute("x", in: bar) ?? 0) + (attribute("width", in: bar) ?? 0)
        let textX = try #require(attribute("x", in: values[0]))
        #expect(textX > end && textX - end < 10)
    }

    @Test func zeroAndNotDisclosedAreDrawnDifferently() {
        let svg = Self.chart.render()
        let zero = elements(svg, "line", "zero")
        let notDisclosed = elements(svg, "text", "nd")
        #expect(zero.count == 1, "a zero is a tick on the axis and its value")
        #expect(elements(svg, "text", "value").last?.contains(">0.00<") == true)
        #expect(notDisclosed.count == 1 && notDisclosed[0].contains(">未公开<"), "not disclosed is words, not a bar")
        #expect(notDisclosed[0].contains("font-style=\"italic\""))
        #expect(Self.chart.barLength(0, largest: 87.61) == 0)
        #expect(Self.chart.barLength(0.0001, largest: 87.61) == 1, "a tiny value is never mistaken for zero")
    }

    @Test func nonFiniteValuesAreNotDisclosedAndNothingTraps() {
        let chart = SVGBarChart(title: "t", panels: [
            .init(title: "p", bars: [.init(label: "a", value: .nan, text: "x"), .init(label: "b", value: .infinity, text: "y"),
                                     .init(label: "c", value: -5, text: "-5.00")]),
            .init(title: "empty", bars: []),
            .init(title: "zeros", bars: [.init(label: "z", value: 0, text: "0.00")]),
        ], width: -.infinity, notDisclosedText: "not disclosed")
        let svg = chart.render()
        #expect(elements(svg, "text", "nd").count == 2)
        #expect(elements(svg, "rect", "bar").count == 1, "a negative value is drawn by its size")
        #expect(chart.barArea == SVGBarChart.minimumBarArea)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        #expect(SVGBarChart(title: "", panels: []).render().hasSuffix("</svg>\n"))
    }

    @Test func everyTextIsEscapedAndLongLabelsAreCut() {
        let chart = SVGBarChart(title: "a<b", panels: [
            .init(title: "\"x\" & 'y'", bars: [.init(label: "<script>alert(1)</script>", value: 1, text: "1&2")]),
            .init(title: "long", bars: [.init(label: String(repeating: "工业和信息化局", count: 4), value: 1, text: "1")]),
        ])
        let svg = chart.render()
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(svg.contains("&quot;x&quot; &amp; &#39;y&#39;"))
        #expect(svg.contains(">1&amp;2<"))
        #expect(svg.contains("aria-label=\"a&lt;b\""))
        #expect(svg.contains(">工业和信息化局工业和信息化…<"), "cut to 28 columns")
        #expect(HTMLTags.problems(svg).isEmpty)
    }

    @Test func sameInputSameBytesAndFixedDecimals() {
        #expect(Self.chart.render() == Self.chart.render())
        #expect(SVGBarChart.number(87.615) == "87.62")
        #expect(SVGBarChart.number(-0.004) == "0.00" || SVGBarChart.number(-0.004) == "-0.00")
        #expect(SVGBarChart.number(3) == "3.00")
        #expect(SVGBarChart.number(.nan) == "0.00")
        #expect(SVGBarChart.number(1e300) == "0.00")
        #expect(!Self.chart.render().contains("http"), "no namespace URL, nothing to load")
    }

    @Test func heightGrowsWithPanelsAndRows() {
        let one = SVGBarChart(title: "", panels: [Self.panel])
        let two = SVGBarChart(title: "", panels: [Self.panel, Self.panel])
        #expect(two.height == 2 * one.height)
        #expect(one.height == SVGBarChart.titleHeight + 4 * SVGBarChart.rowHeight + SVGBarChart.panelGap)
    }

    @Test func htmlEscapingAndTables() {
        #expect(HTMLDocument.escape("a < b & \"c\" 'd' >") == "a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt;")
        #expect(HTMLDocument.escape("x\u{0}\u{7}y\n") == "xy\n", "control characters dropped")
        let table = HTMLTable(columns: [.init("部门"), .init("值", alignment: .right)], rows: [["<b>"], ["a", "1", "extra"]], className: "t")
        let html = table.render()
        #expect(html.contains("<tr><td>&lt;b&gt;</td><td class=\"num\"></td></tr>"))
        #expect(html.contains("<tr><td>a</td><td class=\"num\">1</td></tr>"))
        #expect(!html.contains("extra"))
        #expect(HTMLTable(columns: []).render().isEmpty)
        let page = HTMLDocument(language: "zh-CN", title: "t</title>", style: "p { color: red; }", body: table.render()).render()
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(page.contains("<title>t&lt;/title&gt;</title>"))
        #expect(HTMLTags.problems(page).isEmpty)
        let early = HTMLDocument(language: "en", title: "", style: "p{}</style>", body: "").render()
        #expect(early.components(separatedBy: "</style>").count == 2, "CSS cannot close its element early")
    }
}
