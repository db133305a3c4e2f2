import Testing
@testable import DisclosureKit

/// The one-pass reader gives the lines the separate steps give: split on the scalars, then per
/// line `WrapWidth.measureRaw`, `ScalarFolding.fold` and `PhysicalLines.appendLine` (the
/// definitions, kept), compared on random text from a fixed seed.
@Suite("PhysicalLineReader agrees with splitting, measuring and folding one step at a time")
struct PhysicalLineReaderTests {
    /// The steps one at a time, as the normalizer first did them.
    static func plainLines(_ text: String) -> PhysicalLines {
        let scalars = Array(text.unicodeScalars)
        var ranges: [Range<Int>] = []
        var lineStart = 0
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            guard s == "\n" || s == "\r" || s == "\u{0C}" else {
                i += 1
                continue
            }
            if s == "\u{0C}" {
                if lineStart < i { ranges.append(lineStart..<i) }
                i += 1
            } else {
                ranges.append(lineStart..<i)
                i += s == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" ? 2 : 1
            }
            lineStart = i
        }
        if lineStart < scalars.count { ranges.append(lineStart..<scalars.count) }
        let physical = ranges.enumerated().map { index, range in
            var line = Array(scalars[range])
            let width = WrapWidth.measureRaw(line[...])
            let heading = ScalarFolding.fold(&line, from: 0)
            return PhysicalLine(scalars: line, number: index + 1, heading: heading,
                                rawCharacters: width.characters, rawColumns: width.columns)
        }
        return PhysicalLines(physical)
    }

    static func read(_ text: String) -> (lines: PhysicalLines, count: Int) {
        Array(text.utf8).withUnsafeBufferPointer { PhysicalLineReader.read($0) }
    }

    /// Reads `text` both ways and expects the same lines, the line bound and the U+FFFD flag.
    static func expectSameLines(_ text: String) {
        let plain = Self.plainLines(text)
        let (fast, count) = Self.read(text)
        #expect(count == plain.lines.count, "\(text.debugDescription)")
        #expect(Array(text.utf8).withUnsafeBufferPointer { PhysicalLineReader.lineBound($0) } >= count)
        #expect(fast.hasReplacementCharacter == text.unicodeScalars.contains("\u{FFFD}"))
        guard fast.lines.count == plain.lines.count else { return }
        for (a, b) in zip(fast.lines, plain.lines) {
            let same = fast.scalars[a.trimmed].elementsEqual(plain.scalars[b.trimmed])
                && a.number == b.number && a.heading == b.heading
                && a.rawCharacters == b.rawCharacters && a.rawColumns == b.rawColumns
                && a.hasTab == b.hasTab && a.isBlank == b.isBlank && a.mayHoldSeparators == b.mayHoldSeparators
            #expect(same, "\(text.debugDescription), line \(b.number)")
        }
    }

    @Test("random text: the same lines, folded, trimmed, measured and classified alike")
    func randomText() {
        var random = SplitMix64(seed: 11)
        let pieces = [" ", "\u{3000}", "\u{A0}", "\u{2003}", "公", "务", "。", "、", "1", "１", "a", ",", "，", "．", "－",
                      "\u{2212}", "%", "％", "万", "\t", "*", "**", "_", "#", "## ", "- ", "\n", "\r", "\r\n", "\u{0C}",
                      "𠀀", "é", "豈", "\u{FFFD}", "（", "：", "＊", "＃", "９", "\u{FF60}", "\u{FF61}", "“", "2024", "0.5"]
        for _ in 0..<3_000 {
            Self.expectSameLines((0..<random.below(60)).map { _ in pieces[random.below(pieces.count)] }.joined())
        }
    }

    /// `lineBound` counts 32 bytes at a step in two sets of lanes added up every 4,080 bytes:
    /// it must count what a byte-by-byte count of its definition counts, at every length.
    @Test("the line bound is one more than the bytes 0x0A…0x0D, counted one by one")
    func lineBoundCountsLikeItsDefinition() {
        var random = SplitMix64(seed: 13)
        for _ in 0..<300 {
            let length = random.oneIn(2) ? random.below(100) : random.below(12_000)
            let density = 1 + random.below(40)
            let bytes = (0..<length).map { _ in UInt8(random.oneIn(density) ? 0x0A + random.below(4) : random.below(256)) }
            let definition = 1 + bytes.filter { $0 >= 0x0A && $0 <= 0x0D }.count
            #expect(bytes.withUnsafeBufferPointer { PhysicalLineReader.lineBound($0) } == definition)
        }
    }

    /// Runs of ideographs long enough for the reader's four-at-a-step path, broken by every kind
    /// of scalar at every lane: full-width forms (which carry a run on, or end it: `％`, `－`,
    /// digits), three-byte scalars just outside U+3001…U+A4CF, ASCII, breaks and blank lines.
    @Test("long runs of ideographs: the same lines, broken at any lane by any scalar")
    func longRuns() {
        var random = SplitMix64(seed: 13)
        let pieces = ["公务用车运行维护费", "本年支出决算合计", "公", "。", "、", "《", "（", "）", "，", "．", "：", "；",
                      "％", "－", "１", "９", "\u{FF01}", "\u{FF60}", "\u{FF61}", "\u{3000}", "\u{3001}", "\u{A4CF}",
                      "\u{A4D0}", "\u{2FFF}", "\u{FF00}", "“", "”", "1", "a", " ", ",", "\t", "*", "\n", "\n\n", "\r\n",
                      "\r", "\u{0C}", "\u{FFFD}", "é", "𠀀"]
        for _ in 0..<3_000 {
            Self.expectSameLines((0..<random.below(120)).map { _ in pieces[random.below(pieces.count)] }.joined())
        }
    }

    @Test("ill-formed UTF-8 reads as U+FFFD, one per byte that starts no scalar")
    func illFormed() {
        let bytes: [UInt8] = [0xE5, 0x85, 0x0A, 0xC0, 0xAF, 0x31, 0xED, 0xA0, 0x80, 0xE5, 0x85, 0xAC]
        let (lines, count) = bytes.withUnsafeBufferPointer { PhysicalLineReader.read($0) }
        #expect(count == 2)
        #expect(lines.hasReplacementCharacter)
        #expect(Array(lines.trimmed(0)) == ["\u{FFFD}", "\u{FFFD}"])
        #expect(Array(lines.trimmed(1)) == ["\u{FFFD}", "\u{FFFD}", "1", "\u{FFFD}", "\u{FFFD}", "\u{FFFD}", "公"])
    }
}
