import Testing
@testable import Rendering

/// Bars: full blocks plus eighths, scaled to the largest value, never wider than asked.
@Suite struct BarChartTests {
    @Test func largestValueFillsTheWidth() {
        #expect(BarChart(width: 12).bar(750, largest: 750) == String(repeating: "█", count: 12))
    }

    @Test func eighthsEndBetweenColumns() {
        // 234 / 750 × 96 eighths = 29.95 → 30 eighths = 3 full + 6/8.
        #expect(BarChart(width: 12).bar(234, largest: 750) == "███▊")
        #expect(BarChart(width: 1).bar(1, largest: 8) == "▏")
        #expect(BarChart(width: 1).bar(7, largest: 8) == "▉")
        #expect(BarChart(width: 1).bar(4, largest: 8) == "▌")
    }

    @Test func zeroDrawsNothingAndTinyDrawsAnEighth() {
        #expect(BarChart(width: 10).bar(0, largest: 100).isEmpty)
        #expect(BarChart(width: 10).bar(1, largest: 1_000_000) == "▏")
        #expect(BarChart(width: 10).bar(5, largest: 0).isEmpty)
        #expect(BarChart(width: 0).bar(5, largest: 5).isEmpty)
        #expect(BarChart(width: -3).bar(5, largest: 5).isEmpty)
    }

    @Test func extremeValuesNeverTrapAndStayWithinTheWidth() {
        let chart = BarChart(width: 20)
        for (value, largest) in [(Int64.max, Int64.max), (Int64.max - 1, Int64.max), (Int64.min, Int64.max),
                                 (Int64.max, 1), (1, Int64.min), (Int64.max / 3, Int64.max)] {
            let bar = chart.bar(value, largest: largest)
            #expect(bar.count <= 20)
            #expect(EastAsianWidth.columns(of: bar) <= 20)
        }
        #expect(chart.bar(Int64.max / 2, largest: Int64.max).count == 10)
        #expect(BarChart(width: .max).bar(1, largest: 2).count == BarChart.widestBar / 2)
        #expect(BarChart(width: 8).bar(1, largest: .min) == "▏")
    }

    @Test func blocksAreOneColumnEach() {
        for c in BarChart.eighths + [BarChart.full] {
            #expect(EastAsianWidth.columns(of: c) == 1)
        }
    }
}
