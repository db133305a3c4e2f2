import Testing
@testable import DisclosureKit

/// The scans rewritten to stay linear on lines of several MB give exactly what the plain
/// (quadratic) versions gave: each is compared with that version, kept here, on random inputs
/// from a fixed seed.
@Suite("Linear scans agree with the plain ones")
struct LinearScanTests {
    /// The wrap width as first written: try every width, count its window.
    static func plainWidestFullestWindow(_ histogram: [Int: Int]) -> (width: Int, count: Int)? {
        guard let maxWidth = histogram.keys.max(), maxWidth >= 16 else { return nil }
        var bestW = 0
        var bestCount = 0
        for w in 16...maxWidth {
            var count = 0
            for k in WrapWidth.windowStart(w)...w { count += histogram[k] ?? 0 }
            if count > bestCount || (count == bestCount && w > bestW) {
                bestCount = count
                bestW = w
            }
        }
        return (bestW, bestCount)
    }

    @Test("the widest fullest window equals trying every width")
    func wrapWidth() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<400 {
            var histogram: [Int: Int] = [:]
            let spread = 1 + random.below(120)
            let base = 10 + random.below(60)
            for _ in 0..<(1 + random.below(60)) {
                histogram[base + random.below(spread), default: 0] += 1 + random.below(5)
            }
            if random.oneIn(4) { histogram[base + 300 + random.below(400), default: 0] += 1 }
            let fast = WrapWidth.widestFullestWindow(histogram)
            let plain = Self.plainWidestFullestWindow(histogram)
            #expect(fast?.width == plain?.width && fast?.count == plain?.count, "\(histogram)")
        }
    }

    @Test("the window counted from flat per-width counts equals trying every width, and counts the wider lines")
    func wrapWidthFromFlatCounts() {
        var random = SplitMix64(seed: 17)
        for _ in 0..<400 {
            var widths: [Int] = []
            let spread = 1 + random.below(120)
            let base = random.below(70)
            for _ in 0..<(1 + random.below(80)) { widths.append(base + random.below(spread)) }
            if random.oneIn(4) { widths.append(base + 300 + random.below(400)) }
            var below = [Int](repeating: 0, count: (widths.max() ?? 0) + 2)
            for w in widths { below[w + 1] += 1 }
            let fast = WrapWidth.fullestWindow(below: &below)
            var histogram: [Int: Int] = [:]
            for w in widths { histogram[w, default: 0] += 1 }
            let plain = Self.plainWidestFullestWindow(histogram)
            #expect(fast?.width == plain?.width && fast?.count == plain?.count, "\(widths)")
            if let fast {
                #expect(fast.longer == widths.filter { $0 > fast.width }.count, "\(widths)")
            }
        }
    }

    @Test("measuring a raw line in one pass equals folding, trimming and measuring a copy")
    func measureRaw() {
        var random = SplitMix64(seed: 8)
        let pieces: [Unicode.Scalar] = [" ", "\u{3000}", "\u{A0}", "公", "务", "1", "１", "a", "．", "\t", "\u{2003}", "𠀀"]
        for _ in 0..<500 {
            var view = String.UnicodeScalarView()
            for _ in 0..<random.below(30) { view.append(pieces[random.below(pieces.count)]) }
            let line = Substring(String(view))
            var scalars = line.unicodeScalars.map(ScalarFolding.foldWidth)[...]
            while let f = scalars.first, ScalarFolding.isSpace(f) { scalars = scalars.dropFirst() }
            while let l = scalars.last, ScalarFolding.isSpace(l) { scalars = scalars.dropLast() }
            let width = WrapWidth.measureRaw(line)
            #expect(width.characters == WrapWidth.measure(scalars, .characters), "\(line)")
            #expect(width.columns == WrapWidth.measure(scalars, .columns), "\(line)")
        }
    }

    @Test("thousands separators judged in one pass equal judging each comma alone")
    func thousands() {
        var random = SplitMix64(seed: 9)
        let pieces: [Unicode.Scalar] = ["1", "2", "0", ",", ",", ".", "万", "a", " "]
        for _ in 0..<2_000 {
            let s = (0..<random.below(40)).map { _ in pieces[random.below(pieces.count)] }
            var memo: (index: Int, separates: Bool)?
            for i in s.indices where s[i] == "," {
                let fast = ScalarFolding.isThousandsSeparator(s, at: i, previous: memo)
                memo = (i, fast)
                #expect(fast == ScalarFolding.isThousandsSeparator(s, at: i), "\(String(String.UnicodeScalarView(s))) at \(i)")
            }
        }
    }

    @Test("the phrase matcher counts as one search per phrase does")
    func phraseMatcher() {
        var random = SplitMix64(seed: 10)
        let alphabet = Array("决算预算部门单位本级）表公开\n".unicodeScalars)
        let phrases = MetadataDetector.phraseMatcher.phrases
        for _ in 0..<300 {
            var view = String.UnicodeScalarView()
            for _ in 0..<random.below(200) { view.append(alphabet[random.below(alphabet.count)]) }
            let bytes = Array(String(view).utf8)
            let counts = MetadataDetector.phraseMatcher.counts(in: bytes)
            // Counted line by line, as the report's lines are.
            let lines = String(view).split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
            let byLine = MetadataDetector.PhraseCounts(lines: lines)
            for (phrase, count) in zip(phrases, counts) {
                #expect(count == UTF8Search.count(bytes, phrase))
                #expect(byLine[String(decoding: phrase, as: UTF8.self)] == count)
            }
            // Overlapping phrases and an empty one, searched for presence.
            let own: [[UInt8]] = [[], Array("决算".utf8), Array("决算决算".utf8), Array("算决".utf8), Array("预算表公开".utf8)]
            let found = PhraseMatcher(own).found(in: bytes)
            #expect(found == own.map { UTF8Search.contains(bytes, $0) })
        }
        // A matcher too large for its transition table walks failure links instead.
        let many = (0..<3_000).map { Array("第\($0)项说明".utf8) }
        let text = Array("目录第12项说明，第2999项说明与第3000项说明".utf8)
        let found = PhraseMatcher(many).found(in: text)
        #expect(found.enumerated().filter(\.element).map(\.offset) == [12, 2999])
    }

    @Test("a statement's sentence is cut the same way when the scan for its end stops early")
    func sentenceRange() {
        /// As first written: scan to the sentence's end, then cut.
        func plain(_ s: [Unicode.Scalar], _ span: Range<Int>, _ sentenceStart: Int) -> Range<Int> {
            var end = span.upperBound
            while end < s.count, !StatementScanner.sentenceEnders.contains(s[end]) { end += 1 }
            if end < s.count { end += 1 }
            var start = min(sentenceStart, span.lowerBound)
            if end - start > 160 {
                start = max(start, span.lowerBound - 40)
                end = min(end, max(span.upperBound + 40, start + 160))
            }
            return start..<end
        }
        var random = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            let s: [Unicode.Scalar] = (0..<(1 + random.below(600))).map { _ in random.oneIn(150) ? "。" : "字" }
            let lower = random.below(s.count)
            let upper = min(s.count, lower + 1 + random.below(160))
            let sentenceStart = random.below(lower + 1)
            #expect(StatementScanner.sentenceRange(s, around: lower..<upper, sentenceStart: sentenceStart)
                    == plain(s, lower..<upper, sentenceStart))
        }
    }

    @Test("a sentence's end kept from one statement to the next cuts the sentence as a search of its own")
    func sentenceRangeKeptEnds() {
        var random = SplitMix64(seed: 12)
        for _ in 0..<1_000 {
            let s: [Unicode.Scalar] = (0..<(1 + random.below(900))).map { _ in
                random.oneIn(120) ? "。" : random.oneIn(200) ? "；" : "字"
            }
            var ends = StatementScanner.SentenceEnds()
            var lower = 0
            // Spans as a line's statements give them, mostly ending further on, now and then not.
            for _ in 0..<(1 + random.below(12)) {
                lower = random.oneIn(6) ? random.below(s.count) : min(s.count - 1, lower + random.below(120))
                let upper = min(s.count, lower + 1 + random.below(random.oneIn(5) ? 400 : 60))
                let sentenceStart = random.below(lower + 1)
                let kept = s.withUnsafeBufferPointer {
                    StatementScanner.sentenceRange($0, around: lower..<upper, sentenceStart: sentenceStart, ends: &ends)
                }
                #expect(kept == StatementScanner.sentenceRange(s, around: lower..<upper, sentenceStart: sentenceStart))
            }
        }
    }

    @Test("table cells are the tab-separated pieces, trimmed of spaces")
    func tableCells() {
        var random = SplitMix64(seed: 14)
        let alphabet: [Unicode.Scalar] = ["\t", " ", "\u{3000}", "a", "支", "1", "."]
        for _ in 0..<500 {
            let s = (0..<random.below(30)).map { _ in alphabet[random.below(alphabet.count)] }
            var plain: [Range<Int>] = []
            var start = 0
            for piece in s.split(separator: "\t", omittingEmptySubsequences: false) {
                var lo = start
                var hi = start + piece.count
                while lo < hi, ScalarFolding.isSpace(s[lo]) { lo += 1 }
                while hi > lo, ScalarFolding.isSpace(s[hi - 1]) { hi -= 1 }
                plain.append(lo..<hi)
                start += piece.count + 1
            }
            #expect(TableCell.split(s).map { $0.range } == plain, "\(s)")
        }
    }

    @Test("an index of some roles and metrics answers for them as the linear search does")
    func sentenceIndexOfSomeMetrics() throws {
        var random = SplitMix64(seed: 13)
        let metrics: [MetricID] = [.sangongTotal, .projectExpenditure, .procurementSME]
        for round in 0..<50 {
            let observations = (0..<random.below(60)).map { _ in
                Observation(metric: metrics[random.below(3)], role: [.value, .budget, .share][random.below(3)],
                            stated: FixedDecimal(mantissa: Int64(random.below(100)), scale: 2), unit: .wanYuan,
                            amount: Amount(fen: Int64(random.below(100))), line: 1 + random.below(20), snippet: "", place: .ownSection,
                            label: "", sentence: random.below(4))
            }
            let sorted = round % 2 == 0 ? observations.sorted { $0.line < $1.line } : observations
            // Values of the metrics some share is of; budgets of one metric drawn at random.
            let asked = metrics.filter { m in sorted.contains { $0.role == .share && $0.metric == m } }
            let budgeted = metrics[random.below(3)]
            let index = SentenceIndex(sorted) { role, metric in
                role == .value ? asked.contains(metric) : role == .budget && metric == budgeted
            }
            for (role, metric) in asked.map({ (Observation.Role.value, $0) }) + [(.budget, budgeted)] {
                for sentence in 0..<4 {
                    for line in 0...21 {
                        let linear = sorted.last { $0.sentence == sentence && $0.metric == metric && $0.role == role && $0.line <= line }
                        #expect(index.last(role, of: metric, sentence: sentence, atOrBefore: line).map { sorted[$0] } == linear)
                    }
                }
            }
        }
    }

    @Test("the same-sentence lookup equals the linear search, sorted or not")
    func sentenceIndex() throws {
        var random = SplitMix64(seed: 12)
        for round in 0..<50 {
            let observations = (0..<random.below(60)).map { _ in
                Observation(metric: [.sangongTotal, .projectExpenditure][random.below(2)], role: [.value, .budget, .share][random.below(3)],
                            stated: FixedDecimal(mantissa: Int64(random.below(100)), scale: 2), unit: .wanYuan,
                            amount: Amount(fen: Int64(random.below(100))), line: 1 + random.below(20), snippet: "", place: .ownSection,
                            label: "", sentence: random.below(4))
            }
            let sorted = round % 2 == 0 ? observations.sorted { $0.line < $1.line } : observations
            let index = SentenceIndex(sorted) { role, _ in role == .value }
            for sentence in 0..<4 {
                for metric in [MetricID.sangongTotal, .projectExpenditure] {
                    for line in 0...21 {
                        let linear = sorted.last { $0.sentence == sentence && $0.metric == metric && $0.role == .value && $0.line <= line }
                        #expect(index.last(.value, of: metric, sentence: sentence, atOrBefore: line).map { sorted[$0] } == linear)
                    }
                }
            }
        }
    }
}
