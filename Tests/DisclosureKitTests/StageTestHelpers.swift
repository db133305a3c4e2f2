@testable import DisclosureKit

/// Small builders shared by the per-stage unit tests: hand-made Chinese lines in, one stage's
/// output back. Nothing here reads a dataset file.
enum Stage {
    // MARK: Normalize

    /// The normalized text of `lines` joined with LF.
    static func normalize(_ lines: [String]) -> NormalizedText {
        Normalizer().normalize(lines.joined(separator: "\n"))
    }

    /// The texts of the logical lines of `lines`.
    static func texts(_ lines: [String]) -> [String] {
        normalize(lines).lines.map(\.text)
    }

    /// Physical lines built the way `Normalizer` builds them (folded, measured), numbered from 1.
    static func physical(_ lines: [String]) -> [PhysicalLine] {
        lines.enumerated().map { index, raw in
            let line = Substring(raw)
            let folded = ScalarFolding.fold(line)
            return PhysicalLine(scalars: folded.scalars, number: index + 1, heading: folded.heading,
                                rawCharacters: WrapWidth.measureRaw(line, .characters),
                                rawColumns: WrapWidth.measureRaw(line, .columns))
        }
    }

    /// `LineJoiner` alone over `lines` (no watermark filter): the logical lines' texts.
    static func joined(_ lines: [String]) -> [LogicalLine] {
        LineJoiner().join(physical(lines)).lines
    }

    /// The offset of the first occurrence of `needle` in a logical line, in scalars.
    static func offset(of needle: String, in line: LogicalLine) -> Int? {
        let n = Array(needle.unicodeScalars)
        let s = line.scalars
        guard !n.isEmpty, s.count >= n.count else { return nil }
        for i in 0...(s.count - n.count) where s[i..<(i + n.count)].elementsEqual(n) { return i }
        return nil
    }

    /// Cuts `text` into pieces of exactly `width` characters (the last one shorter), as a
    /// PDF converter without `-layout` does.
    static func hardWrap(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while rest.count > width {
            out.append(String(rest.prefix(width)))
            rest = rest.dropFirst(width)
        }
        if !rest.isEmpty { out.append(String(rest)) }
        return out
    }

    /// `count` characters of neutral prose (no digits, no catalog label), cut anywhere.
    static func filler(_ count: Int) -> String {
        let phrase = "本部门坚持厉行节约，严格控制一般性开支，认真落实过紧日子要求。"
        var s = ""
        while s.count < count { s += phrase }
        return String(s.prefix(count))
    }

    // MARK: Segment and extract

    /// Normalized lines with their contexts.
    static func segment(_ lines: [String]) -> [(line: LogicalLine, context: LineContext)] {
        let text = normalize(lines)
        return Array(zip(text.lines, Segmenter().segment(text)))
    }

    /// Every narrative statement in `text` (normalized first), as if it stood in a section of `family`.
    static func statements(_ text: String, family: Metric.Family? = nil) -> [Observation] {
        let normalized = Normalizer().normalize(text)
        let scanner = StatementScanner()
        return normalized.lines.enumerated().flatMap { scanner.scan($1, family: family, lineIndex: $0) }
    }

    /// Every table-row statement in `text` (normalized first), read in `unit`.
    static func tableRows(_ text: String, unit: AmountUnit = .wanYuan) -> [Observation] {
        let normalized = Normalizer().normalize(text)
        let scanner = TableRowScanner()
        return normalized.lines.flatMap { scanner.scan($0, unit: unit) }
    }

    // MARK: Values

    static func decimal(_ text: String) -> FixedDecimal {
        guard let d = FixedDecimal(text) else { preconditionFailure("bad literal \(text)") }
        return d
    }

    static func wan(_ text: String) -> Amount {
        guard let a = Amount(decimal(text), unit: .wanYuan) else { preconditionFailure("bad amount \(text)") }
        return a
    }

    /// A hand-made observation for resolver tests.
    static func obs(_ metric: MetricID, _ stated: String, role: Observation.Role = .value, unit: AmountUnit? = .wanYuan,
                    place: Observation.Place = .ownSection, line: Int = 1, shareOf: String? = nil,
                    labelRank: Int = 0, label: String? = nil) -> Observation {
        let number = decimal(stated)
        let amount = unit.flatMap { Amount(number, unit: $0) }
        return Observation(metric: metric, role: role, stated: number, unit: unit, amount: amount, line: line,
                           snippet: "\(metric.metric.chinese) \(stated)", place: place,
                           label: label ?? metric.metric.chinese, shareOf: shareOf, labelRank: labelRank)
    }
}

extension Array where Element == Observation {
    /// The statements of `metric` (in `role`, when given).
    func stage(_ metric: MetricID, _ role: Observation.Role? = nil) -> [Observation] {
        filter { $0.metric == metric && (role == nil || $0.role == role) }
    }
}

extension Figure {
    /// The amount, when the figure is an amount.
    var stageAmount: Amount? {
        if case .amount(let a) = value { return a }
        return nil
    }

    /// The ratio, when the figure is a percentage.
    var stageRatio: Ratio? {
        if case .percent(let r) = value { return r }
        return nil
    }
}

extension Array where Element == Figure {
    subscript(stage metric: MetricID) -> Figure {
        first { $0.metric == metric } ?? Figure(metric: metric, value: nil)
    }
}
