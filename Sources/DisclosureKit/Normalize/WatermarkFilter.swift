/// Drops watermark lines: a short line without digits that repeats many times.
///
/// PDF converters copy a page's watermark (`仅供内部审核`, `内部资料`) into the text once or
/// several times per page; left in place it would cut sentences apart.
enum WatermarkFilter {
    /// Lines of at most this many scalars can be watermarks.
    static let maxLength = 24
    /// …when they occur at least this many times.
    static let minRepeats = 5

    static func removingWatermarks(_ lines: [PhysicalLine]) -> [PhysicalLine] {
        var counts: [String: Int] = [:]
        for line in lines {
            guard let key = candidateKey(line) else { continue }
            counts[key, default: 0] += 1
        }
        let marks = Set(counts.filter { $0.value >= minRepeats }.keys)
        if marks.isEmpty { return lines }
        return lines.map { line in
            guard let key = candidateKey(line), marks.contains(key) else { return line }
            // Keep the line's slot (and number) but make it blank.
            var blank = line
            blank.scalars = []
            return blank
        }
    }

    private static func candidateKey(_ line: PhysicalLine) -> String? {
        let t = line.trimmed
        guard t.count >= 2, t.count <= maxLength, !line.heading else { return nil }
        // A watermark holds letters only: no digits, tabs or sentence punctuation.
        for s in t where ScalarFolding.isDigit(s) || s == "\t" || s == "。" || s == "：" || s == "、" { return nil }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: t)
        return String(v)
    }
}
