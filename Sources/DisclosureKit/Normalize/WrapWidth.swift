/// The fixed width at which a text was hard-wrapped, if it was.
///
/// pdftotext (without `-layout`) and many copy-pastes from PDF viewers cut every line at the
/// page width: most lines then have nearly the same width. Width is measured both in
/// characters and in display columns (CJK = 2), because converters differ; the measure
/// whose most common width covers the larger share of lines wins.
struct WrapWidth: Sendable {
    enum Measure { case characters, columns }
    let measure: Measure
    let width: Int

    /// Lines shorter than this many scalars are left out of the detection.
    static let minLength = 12

    /// Lines at least this close to the width count as full.
    var slack: Int { max(3, width / 6) }

    func isFull(_ line: PhysicalLine) -> Bool {
        Self.measure(line, measure) >= width - slack
    }

    static func measure(_ line: PhysicalLine, _ m: Measure) -> Int {
        m == .characters ? line.rawCharacters : line.rawColumns
    }

    /// The trimmed width of an unfolded line.
    static func measureRaw(_ line: Substring, _ m: Measure) -> Int {
        // Width-folded (a full-width digit counts as a digit) but otherwise as written.
        var scalars = line.unicodeScalars.map(ScalarFolding.foldWidth)[...]
        while let f = scalars.first, ScalarFolding.isSpace(f) { scalars = scalars.dropFirst() }
        while let l = scalars.last, ScalarFolding.isSpace(l) { scalars = scalars.dropLast() }
        return measure(scalars, m)
    }

    static func measure(_ s: ArraySlice<Unicode.Scalar>, _ m: Measure) -> Int {
        switch m {
        case .characters: return s.count
        case .columns: return s.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
        }
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// Detects the wrap width; nil when the text is not hard-wrapped.
    static func detect(_ lines: [PhysicalLine]) -> WrapWidth? {
        // Short lines (table fragments, headings) say nothing about the page width.
        let candidates = lines.filter { !$0.heading && !$0.scalars.contains("\t") && $0.rawCharacters >= minLength }
        guard candidates.count >= 20 else { return nil }
        var best: (share: Double, wrap: WrapWidth)?
        for m in [Measure.characters, .columns] {
            var histogram: [Int: Int] = [:]
            for line in candidates { histogram[measure(line, m), default: 0] += 1 }
            guard let maxWidth = histogram.keys.max(), maxWidth >= 16 else { continue }
            // The width W whose window [W - slack, W] holds the most lines.
            var bestW = 0
            var bestCount = 0
            for w in 16...maxWidth {
                let probe = WrapWidth(measure: m, width: w)
                var count = 0
                for k in (w - probe.slack)...w { count += histogram[k] ?? 0 }
                if count > bestCount || (count == bestCount && w > bestW) {
                    bestCount = count
                    bestW = w
                }
            }
            // Lines longer than the wrap width must be rare, or this is ordinary prose.
            let longer = histogram.filter { $0.key > bestW }.reduce(0) { $0 + $1.value }
            let share = Double(bestCount) / Double(candidates.count)
            guard bestCount >= 20, share >= 0.4, Double(longer) <= 0.05 * Double(candidates.count) else { continue }
            if let b = best, b.share >= share { continue }
            best = (share, WrapWidth(measure: m, width: bestW))
        }
        return best?.wrap
    }
}
