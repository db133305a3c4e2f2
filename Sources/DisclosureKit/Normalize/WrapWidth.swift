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
        (measure == .characters ? line.rawCharacters : line.rawColumns) >= width - slack
    }

    func isFull(_ line: PhysicalLines.Line) -> Bool {
        (measure == .characters ? line.rawCharacters : line.rawColumns) >= width - slack
    }

    /// The trimmed width of an unfolded line.
    static func measureRaw(_ line: Substring, _ m: Measure) -> Int {
        let width = measureRaw(line)
        return m == .characters ? width.characters : width.columns
    }

    /// Both measures of an unfolded line in one pass, without copying it: trimmed of spaces,
    /// width-folded (a full-width digit counts as a digit) but otherwise as written.
    static func measureRaw(_ line: Substring) -> (characters: Int, columns: Int) {
        measureRaw(Array(line.unicodeScalars)[...])
    }

    /// Both measures of the scalars of an unfolded line (the line break not included).
    static func measureRaw(_ line: ArraySlice<Unicode.Scalar>) -> (characters: Int, columns: Int) {
        // Columns up to and including each scalar; the measures run from the first scalar
        // other than space to the last.
        var columns = 0
        var first = -1
        var columnsBeforeFirst = 0
        var last = -1
        var columnsThroughLast = 0
        for k in line.indices {
            let raw = line[k]
            let v = raw.value
            let w: Int
            // Ideographs and CJK punctuation: wide, never space, never folded; ASCII: narrow.
            if v > 0x3000 && v <= 0xA4CF {
                w = 2
            } else if v < 0x80 {
                w = 1
                if v == 0x20 {
                    columns += 1
                    continue
                }
            } else {
                let s = ScalarFolding.foldWidth(raw)
                w = isWide(s) ? 2 : 1
                if ScalarFolding.isSpace(s) {
                    columns += w
                    continue
                }
            }
            if first < 0 {
                first = k
                columnsBeforeFirst = columns
            }
            columns += w
            last = k
            columnsThroughLast = columns
        }
        guard first >= 0 else { return (0, 0) }
        return (last - first + 1, columnsThroughLast - columnsBeforeFirst)
    }

    static func measure(_ s: ArraySlice<Unicode.Scalar>, _ m: Measure) -> Int {
        switch m {
        case .characters: return s.count
        case .columns: return s.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
        }
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        // Latin text first, then the ideographs that make up most of a report.
        if v < 0x1100 { return false }
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// Detects the wrap width; nil when the text is not hard-wrapped.
    static func detect(_ lines: [PhysicalLine]) -> WrapWidth? {
        detect(PhysicalLines(lines).lines)
    }

    static func detect(_ lines: [PhysicalLines.Line]) -> WrapWidth? {
        // Short lines (table fragments, headings) say nothing about the page width.
        func isCandidate(_ line: PhysicalLines.Line) -> Bool {
            !line.heading && !line.hasTab && line.rawCharacters >= minLength
        }
        // The candidates' widths, gathered in the one pass over the lines that finds the widest:
        // the counts below read them and not the lines (whose test was half of the detection).
        var widestCharacters = 0
        var widestColumns = 0
        let widths = [(characters: Int, columns: Int)](unsafeUninitializedCapacity: lines.count) { widths, count in
            var n = 0
            for line in lines where isCandidate(line) {
                widths.initializeElement(at: n, to: (line.rawCharacters, line.rawColumns))
                n += 1
                widestCharacters = max(widestCharacters, line.rawCharacters)
                widestColumns = max(widestColumns, line.rawColumns)
            }
            count = n
        }
        let candidates = widths.count
        guard candidates >= 20 else { return nil }
        let fullest: [(Measure, (width: Int, count: Int, longer: Int)?)]
        // Lines no wider than a few times their number (real text): each measure is counted in
        // one flat array of line counts per width, without the lists of widths or a `Histogram`.
        if widestColumns <= 4 * candidates + 4096 {
            var belowCharacters = [Int](repeating: 0, count: widestCharacters + 2)
            var belowColumns = [Int](repeating: 0, count: widestColumns + 2)
            // Counted through the buffers: the arrays' checks per line (bounds, uniqueness)
            // were most of the count. Each width is at most the widest, found above from the
            // same lines, and never negative (a line's measures count its scalars).
            belowCharacters.withUnsafeMutableBufferPointer { characters in
                belowColumns.withUnsafeMutableBufferPointer { columns in
                    widths.withUnsafeBufferPointer { widths in
                        for width in widths {
                            characters[width.characters + 1] += 1
                            columns[width.columns + 1] += 1
                        }
                    }
                }
            }
            fullest = [(.characters, fullestWindow(below: &belowCharacters)),
                       (.columns, fullestWindow(below: &belowColumns))]
        } else {
            fullest = [(.characters, fullestWindow(widths.map(\.characters))), (.columns, fullestWindow(widths.map(\.columns)))]
        }
        var best: (share: Double, wrap: WrapWidth)?
        for (m, window) in fullest {
            // Lines longer than the wrap width must be rare, or this is ordinary prose.
            guard let (bestW, bestCount, longer) = window else { continue }
            let share = Double(bestCount) / Double(candidates)
            guard bestCount >= 20, share >= 0.4, Double(longer) <= 0.05 * Double(candidates) else { continue }
            if let b = best, b.share >= share { continue }
            best = (share, WrapWidth(measure: m, width: bestW))
        }
        return best?.wrap
    }

    /// `widestFullestWindow` of the widths, and how many lines are wider than the width found.
    static func fullestWindow(_ lineWidths: [Int]) -> (width: Int, count: Int, longer: Int)? {
        let histogram = Histogram(lineWidths)
        guard let (bestW, bestCount) = widestFullestWindow(histogram) else { return nil }
        var longer = 0
        for (w, count) in zip(histogram.widths, histogram.counts) where w > bestW { longer += count }
        return (bestW, bestCount, longer)
    }

    /// `fullestWindow` from the number of lines of each width, stored one place up
    /// (`below[w + 1]` lines are `w` wide); turned into prefix sums in place, after which
    /// `below[x]` is the number of lines narrower than `x`. The flat branch of
    /// `widestFullestWindow`, with the width list it needs no more.
    static func fullestWindow(below: inout [Int]) -> (width: Int, count: Int, longer: Int)? {
        let widest = below.count - 2
        guard widest >= 16 else { return nil }
        return below.withUnsafeMutableBufferPointer { below in
            // The prefix sums made as the windows need them (a window ends at `w + 1` and
            // starts before it): one pass over the widths, not two.
            for x in 1...16 { below[x] += below[x - 1] }
            var bestW = 16
            var bestCount = -1
            for w in 16...widest {
                below[w + 1] += below[w]
                let c = below[w + 1] - below[max(0, windowStart(w))]
                // The widest of the fullest.
                if c >= bestCount {
                    bestW = w
                    bestCount = c
                }
            }
            return (bestW, bestCount, below[widest + 1] - below[bestW + 1])
        }
    }

    /// How many lines have each width: the distinct widths ascending, and their counts.
    struct Histogram {
        let widths: [Int]
        let counts: [Int]

        init(_ histogram: [Int: Int]) {
            widths = histogram.keys.sorted()
            counts = widths.map { histogram[$0] ?? 0 }
        }

        /// Counted in a flat array when the widest line is not much wider than there are lines
        /// (always, for real text): a dictionary update per line was most of the detection's
        /// cost. One line of millions of scalars falls back to the dictionary, keeping memory linear.
        init(_ lineWidths: [Int]) {
            let widest = lineWidths.max() ?? 0
            guard widest <= 4 * lineWidths.count + 4096, lineWidths.allSatisfy({ $0 >= 0 }) else {
                var histogram: [Int: Int] = [:]
                for w in lineWidths { histogram[w, default: 0] += 1 }
                self.init(histogram)
                return
            }
            var perWidth = [Int](repeating: 0, count: widest + 1)
            for w in lineWidths { perWidth[w] += 1 }
            var widths: [Int] = []
            var counts: [Int] = []
            for (w, count) in perWidth.enumerated() where count > 0 {
                widths.append(w)
                counts.append(count)
            }
            self.init(widths: widths, counts: counts)
        }

        init(widths: [Int], counts: [Int]) {
            self.widths = widths
            self.counts = counts
        }
    }

    /// The lowest width a line may have and still count as full at wrap width `w`: `w - slack`.
    static func windowStart(_ w: Int) -> Int { w - max(3, w / 6) }

    /// The width W in 16 … (widest line) whose window [W - slack, W] holds the most lines,
    /// the widest W on a tie, with that count; nil when no line is 16 wide.
    ///
    /// Why not try every W: one line of several MB makes the widest line millions wide, and
    /// trying each W (with a window of W/6 widths) was quadratic. The count only changes where
    /// a line width enters the window (W = p) or leaves it (W = the last W whose window starts
    /// at or before p, as the start never decreases with W); so the widest W of each stretch of
    /// equal counts is the widest line, p - 1 or that last W, for a line width p. Those few
    /// candidates are counted with prefix sums: O(k log k) for k distinct widths.
    static func widestFullestWindow(_ histogram: [Int: Int]) -> (width: Int, count: Int)? {
        widestFullestWindow(Histogram(histogram))
    }

    static func widestFullestWindow(_ histogram: Histogram) -> (width: Int, count: Int)? {
        let widths = histogram.widths
        guard let maxWidth = widths.last, maxWidth >= 16 else { return nil }
        // Widths no wider than a few times the number of lines (real text): every W is
        // counted from a flat prefix sum, a subtraction each, linear in the lines.
        let lines = histogram.counts.reduce(0, +)
        if maxWidth <= 4 * lines + 4096 {
            // below[x] = lines narrower than x, for x in 0...maxWidth + 1.
            var below = [Int](repeating: 0, count: maxWidth + 2)
            for (w, c) in zip(widths, histogram.counts) where w >= 0 { below[w + 1] += c }
            for x in 1..<below.count { below[x] += below[x - 1] }
            var best: (width: Int, count: Int)?
            for w in 16...maxWidth {
                let c = below[w + 1] - below[max(0, windowStart(w))]
                if let b = best, c < b.count { continue }
                best = (w, c)
            }
            return best
        }
        // prefix[i] = lines narrower than widths[i].
        var prefix = [0]
        prefix.reserveCapacity(widths.count + 1)
        for c in histogram.counts { prefix.append((prefix.last ?? 0) + c) }
        /// Index of the first width >= x.
        func firstIndex(atLeast x: Int) -> Int {
            var lo = 0
            var hi = widths.count
            while lo < hi {
                let mid = lo + (hi - lo) / 2
                if widths[mid] < x { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        func count(_ w: Int) -> Int {
            prefix[firstIndex(atLeast: w + 1)] - prefix[firstIndex(atLeast: windowStart(w))]
        }
        /// The widest W whose window still starts at or before p.
        func lastWindow(reaching p: Int) -> Int {
            var lo = p          // windowStart(p) <= p
            var hi = 2 * p + 24 // windowStart(hi) > p
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2
                if windowStart(mid) <= p { lo = mid } else { hi = mid }
            }
            return lo
        }
        // Each candidate is counted as it comes (a few are counted twice): the widest of the
        // fullest does not depend on the order, and hashing them into a set cost more.
        var best: (width: Int, count: Int)?
        func consider(_ w: Int) {
            guard w >= 16 && w <= maxWidth else { return }
            let c = count(w)
            if let b = best, c < b.count || (c == b.count && w <= b.width) { return }
            best = (w, c)
        }
        consider(16)
        consider(maxWidth)
        for p in widths {
            consider(p - 1)
            consider(p)
            consider(lastWindow(reaching: p))
        }
        return best
    }
}
