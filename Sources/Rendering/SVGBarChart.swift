/// Horizontal bar charts as inline SVG: one or more panels, each a title and one bar per
/// labelled row, the value printed at the bar's end.
///
/// ```
/// 项目支出占比（%）
///   丙市工业和信息化局 ██████████████████████████ 87.61
///   甲市工业和信息化局 ███████████████▋ 52.31
///   某县工业和信息化局    未公开
/// ```
///
/// Rules, per panel: a bar's length is |value| ÷ the panel's largest |value| of the bar area,
/// so the largest value fills it; a value that is not zero is drawn at least 1 unit long, so
/// it is never mistaken for zero; a zero draws no bar, only a short tick on the axis and its
/// value; a value that is not disclosed (`value == nil`, or not finite) draws no bar and no
/// tick, only `notDisclosedText` in grey italics — never a zero bar.
///
/// Why Double here: coordinates are geometry, not figures. Callers pass the exact figure's
/// printed text for the label at the bar's end; the length only has to be proportional.
/// Every coordinate is printed with two decimals, and IEEE arithmetic gives the same result
/// on every machine, so the same input gives the same bytes.
///
/// The SVG is meant to sit inside an HTML page: no XML declaration, no namespace URL, no
/// external font or image; text inherits the page's font. Labels longer than
/// `maxLabelColumns` display columns are cut with `…`; every text is escaped.
public struct SVGBarChart: Sendable, Hashable {
    /// One row: a label (`丙市工业和信息化局`), a length measure and the text printed at the end.
    public struct Bar: Sendable, Hashable {
        public var label: String
        /// The quantity the bar's length is proportional to; nil when not disclosed.
        public var value: Double?
        /// What is printed after the bar: `87.61`.
        public var text: String

        public init(label: String, value: Double?, text: String) {
            self.label = label
            self.value = value
            self.text = text
        }

        /// Whether the bar has a value to draw (nil, NaN and infinities have none).
        public var isDisclosed: Bool { value.map(\.isFinite) ?? false }
    }

    /// A titled group of bars sharing one scale: `项目支出占比（%）`.
    public struct Panel: Sendable, Hashable {
        public var title: String
        public var bars: [Bar]

        public init(title: String, bars: [Bar]) {
            self.title = title
            self.bars = bars
        }

        /// The largest |value| among the drawable bars; 0 when none.
        public var largest: Double {
            bars.compactMap { $0.isDisclosed ? $0.value.map(abs) : nil }.max() ?? 0
        }
    }

    /// Said to screen readers and shown as a tooltip (`<title>`).
    public var title: String
    public var panels: [Panel]
    /// The chart's width in CSS pixels; the page scales it down to fit.
    public var width: Double
    /// What a bar without a value shows: `未公开`, `not disclosed`.
    public var notDisclosedText: String

    public init(title: String, panels: [Panel], width: Double = 680, notDisclosedText: String = "未公开") {
        self.title = title
        self.panels = panels
        self.width = width
        self.notDisclosedText = notDisclosedText
    }

    // MARK: Geometry

    public static let fontSize = 12.0
    /// Room for one display column of text at `fontSize` (a CJK character takes two).
    public static let columnWidth = 6.6
    public static let rowHeight = 22.0
    public static let barHeight = 14.0
    public static let titleHeight = 24.0
    public static let panelGap = 10.0
    public static let padding = 8.0
    /// The narrowest bar area, whatever the width and labels leave.
    public static let minimumBarArea = 40.0
    /// Labels are cut to this many display columns (14 CJK characters).
    public static let maxLabelColumns = 28

    /// Where the labels end and the bars start.
    public var barStart: Double {
        let columns = panels.flatMap(\.bars).map { EastAsianWidth.columns(of: label($0)) }.max() ?? 0
        return Self.padding + Double(columns) * Self.columnWidth + Self.padding
    }

    /// The length of the longest bar: what the labels and the printed values leave.
    public var barArea: Double {
        let texts = panels.flatMap(\.bars).map { EastAsianWidth.columns(of: $0.isDisclosed ? $0.text : notDisclosedText) }
        let valueRoom = Double(texts.max() ?? 0) * Self.columnWidth + 2 * Self.padding
        let area = (width.isFinite ? width : 0) - barStart - valueRoom
        return max(Self.minimumBarArea, area)
    }

    /// The whole chart's height.
    public var height: Double {
        panels.reduce(0) { $0 + Self.titleHeight + Double($1.bars.count) * Self.rowHeight + Self.panelGap }
    }

    /// The drawn length of `value` in a panel whose largest |value| is `largest`: 0 for zero or
    /// a non-finite value, at least 1 for any other value, at most `barArea`.
    public func barLength(_ value: Double, largest: Double) -> Double {
        guard value.isFinite, largest.isFinite, largest > 0, value != 0 else { return 0 }
        let length = min(1, abs(value) / largest) * barArea
        return max(1, length)
    }

    // MARK: Output

    /// The `<svg>` element, one element per line, ending in a line break.
    public func render() -> String {
        let area = barArea
        let start = barStart
        let totalHeight = height
        var out = "<svg class=\"chart\" role=\"img\" aria-label=\"\(HTMLDocument.escape(title))\""
            + " width=\"\(Self.number(width))\" height=\"\(Self.number(totalHeight))\""
            + " viewBox=\"0 0 \(Self.number(width)) \(Self.number(totalHeight))\" font-size=\"\(Self.number(Self.fontSize))\">\n"
        out += "<title>\(HTMLDocument.escape(title))</title>\n"
        var top = 0.0
        for panel in panels {
            let largest = panel.largest
            out += "<g class=\"panel\">\n"
            out += "<text class=\"panel-title\" x=\"\(Self.number(Self.padding))\" y=\"\(Self.number(top + 16))\" font-weight=\"bold\">"
                + HTMLDocument.escape(panel.title) + "</text>\n"
            let rowsTop = top + Self.titleHeight
            let rowsBottom = rowsTop + Double(panel.bars.count) * Self.rowHeight
            out += "<line class=\"axis\" x1=\"\(Self.number(start))\" y1=\"\(Self.number(rowsTop))\" x2=\"\(Self.number(start))\""
                + " y2=\"\(Self.number(rowsBottom))\" stroke=\"#888888\" stroke-width=\"1\"/>\n"
            for (index, bar) in panel.bars.enumerated() {
                let rowTop = rowsTop + Double(index) * Self.rowHeight
                let barTop = rowTop + (Self.rowHeight - Self.barHeight) / 2
                let baseline = rowTop + Self.rowHeight / 2 + Self.fontSize * 0.35
                out += "<text class=\"label\" x=\"\(Self.number(start - Self.padding))\" y=\"\(Self.number(baseline))\" text-anchor=\"end\">"
                    + HTMLDocument.escape(label(bar)) + "</text>\n"
                guard bar.isDisclosed, let value = bar.value else {
                    out += "<text class=\"nd\" x=\"\(Self.number(start + Self.padding))\" y=\"\(Self.number(baseline))\""
                        + " fill=\"#777777\" font-style=\"italic\">" + HTMLDocument.escape(notDisclosedText) + "</text>\n"
                    continue
                }
                let length = min(barLength(value, largest: largest), area)
                if length > 0 {
                    out += "<rect class=\"bar\" x=\"\(Self.number(start))\" y=\"\(Self.number(barTop))\" width=\"\(Self.number(length))\""
                        + " height=\"\(Self.number(Self.barHeight))\" fill=\"\(value < 0 ? "#b5523b" : "#3d6fa5")\"/>\n"
                } else {
                    out += "<line class=\"zero\" x1=\"\(Self.number(start))\" y1=\"\(Self.number(barTop))\" x2=\"\(Self.number(start + 3))\""
                        + " y2=\"\(Self.number(barTop))\" stroke=\"#3d6fa5\" stroke-width=\"2\"/>\n"
                }
                out += "<text class=\"value\" x=\"\(Self.number(start + length + Self.padding / 2))\" y=\"\(Self.number(baseline))\">"
                    + HTMLDocument.escape(bar.text) + "</text>\n"
            }
            out += "</g>\n"
            top = rowsBottom + Self.panelGap
        }
        return out + "</svg>\n"
    }

    /// The label as drawn: cut to `maxLabelColumns` display columns.
    func label(_ bar: Bar) -> String {
        EastAsianWidth.columns(of: bar.label) > Self.maxLabelColumns
            ? EastAsianWidth.truncated(bar.label, toColumns: Self.maxLabelColumns) : bar.label
    }

    /// `x` with exactly two decimals, rounded half away from zero: `87.6149` → `87.61`;
    /// 0 for values that are not finite or beyond ±10¹⁵.
    public static func number(_ x: Double) -> String {
        guard x.isFinite, abs(x) < 1e15 else { return "0.00" }
        let hundredths = Int64((x * 100).rounded(.toNearestOrAwayFromZero))
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        let sign = hundredths < 0 ? "-" : ""
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
