import Testing
@testable import DisclosureKit

/// `ScalarFolding.removeSeparatorsAndUnitSpaces`, written by index with runs of CJK copied at
/// once, gives what the plain version (appending scalar by scalar, kept here) gave: the same
/// scalars and the same moved origins, on random lines from a fixed seed.
@Suite("Separator and unit-space removal agrees with the plain version")
struct CanonicalNumbersTests {
    static func plainRemoval(_ s: [Unicode.Scalar], origins: inout [LogicalLine.Origin]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var nextOrigin = 0
        func moveOrigins(through offset: Int) {
            while nextOrigin < origins.count, origins[nextOrigin].offset <= offset {
                origins[nextOrigin] = LogicalLine.Origin(offset: out.count, line: origins[nextOrigin].line)
                nextOrigin += 1
            }
        }
        var i = 0
        while i < s.count {
            let c = s[i]
            moveOrigins(through: i)
            if c == ",", ScalarFolding.isThousandsSeparator(s, at: i) {
                i += 1
                continue
            }
            if ScalarFolding.isSpace(c), let last = out.last, ScalarFolding.isDigit(last) {
                var j = i
                while j < s.count, ScalarFolding.isSpace(s[j]) { j += 1 }
                if j < s.count, s[j] == "万" || s[j] == "元" || s[j] == "%" || s[j] == "亿" {
                    i = j
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        moveOrigins(through: Int.max)
        return out
    }

    @Test("random lines: the same scalars and the same origins")
    func randomLines() {
        var random = SplitMix64(seed: 12)
        let pieces: [Unicode.Scalar] = ["1", "2", "0", ",", ",", ".", " ", "\u{3000}", "万", "元", "%", "亿", "公", "务",
                                        "。", "（", "，", "a", "-"]
        for _ in 0..<3_000 {
            let s = (0..<random.below(50)).map { _ in pieces[random.below(pieces.count)] }
            var offsets = Set<Int>()
            for _ in 0..<random.below(5) { offsets.insert(random.below(s.count + 1)) }
            let origins = offsets.sorted().enumerated().map { LogicalLine.Origin(offset: $0.element, line: $0.offset + 2) }
            var fastOrigins = origins
            var plainOrigins = origins
            let fast = ScalarFolding.removeSeparatorsAndUnitSpaces(s, origins: &fastOrigins)
            let plain = Self.plainRemoval(s, origins: &plainOrigins)
            let text = String(String.UnicodeScalarView(s))
            #expect(fast == plain, "\(text)")
            #expect(fastOrigins == plainOrigins, "\(text) \(origins)")
        }
    }

    /// `makeNumbersCanonical` (in place, one pass, the look back at a comma kept as it goes)
    /// against the definition: the full-width separators folded, then `removeSeparatorsAndUnitSpaces`
    /// from a copy (`canonicalNumbers`).
    @Test("made canonical in place: the scalars and origins of folding, then removing from a copy")
    func inPlace() {
        var random = SplitMix64(seed: 14)
        // Groups of one to four digits, so that well- and ill-formed thousands come often.
        let pieces = ["1", "20", "345", "6789", "1", "20", "345", "6789", ",", ",", ".", " ", " ", "\u{3000}", "万", "元", "%",
                      "亿", "公", "。", "（", "，", "．", "－", "a", "-", "\t", "\u{FF0B}", "\u{FF0F}"]
        for _ in 0..<5_000 {
            let s = (0..<random.below(30)).flatMap { _ in pieces[random.below(pieces.count)].unicodeScalars }
            Self.expectCanonicalInPlace(s, origins: random.below(5), &random)
        }
    }

    /// `makeNumbersCanonical` of `s`, with up to `originCount` origins at random offsets, gives
    /// the scalars and origins of `canonicalNumbers`.
    static func expectCanonicalInPlace(_ s: [Unicode.Scalar], origins originCount: Int, _ random: inout SplitMix64) {
        var offsets = Set<Int>()
        for _ in 0..<originCount { offsets.insert(random.below(s.count + 1)) }
        let origins = offsets.sorted().enumerated().map { LogicalLine.Origin(offset: $0.element, line: $0.offset + 2) }
        var plainOrigins = origins
        let plain = ScalarFolding.canonicalNumbers(s, origins: &plainOrigins)
        var fast = s
        var fastOrigins = origins
        let kept = fast.withUnsafeMutableBufferPointer { line in
            fastOrigins.withUnsafeMutableBufferPointer { ScalarFolding.makeNumbersCanonical(line, origins: $0) }
        }
        let text = String(String.UnicodeScalarView(s))
        #expect(Array(fast[..<kept]) == plain, "\(text)")
        #expect(fastOrigins == plainOrigins, "\(text) \(origins)")
    }

    /// A line of fewer than `parts` parts, each one of `pieces` or a run of `prose` shorter
    /// than `run`.
    static func line(of pieces: [String], prose: [Unicode.Scalar], parts: Int, run: Int,
                     _ random: inout SplitMix64) -> [Unicode.Scalar] {
        var s: [Unicode.Scalar] = []
        for _ in 0..<random.below(parts) {
            if random.below(2) == 0 {
                let from = random.below(prose.count)
                s += prose[from..<min(prose.count, from + random.below(run))]
            } else {
                s += pieces[random.below(pieces.count)].unicodeScalars
            }
        }
        return s
    }

    /// `nextChange` (eight scalars at a step, only the candidate lanes looked at) against the
    /// plain loop: the same change point and the same buffer after, with and without moving
    /// back, from any start, on lines with long runs of prose (steps without a candidate) and
    /// every scalar the candidate test lets through or turns down.
    @Test("the stepping search for a change point: the plain loop's point and moves")
    func nextChangeSteps() {
        var random = SplitMix64(seed: 15)
        let pieces = ["1", "20", "345", ",", ".", " ", "\u{3000}", "\u{A0}", "\u{2002}", "\u{2003}", "\u{2009}", "\u{2005}",
                      "$", "(", "$1", "(2", "万", "元", "公务", "。", "，", "，1", "．", "．5", "－", "－3", "\u{FF0B}", "\u{FF0F}",
                      "\u{3001}", "\u{FF0B}7", "\u{FF0C}", "a", "\t", "\u{FF0E}"]
        let prose = Array("一般公共预算财政拨款支出决算主要用于行政运行等方面".unicodeScalars)
        for _ in 0..<5_000 {
            let s = Self.line(of: pieces, prose: prose, parts: 12, run: 20, &random)
            let start = random.below(s.count + 1)
            let shift = random.below(2) == 0 ? 0 : random.below(start + 1)
            var fast = s
            var plain = s
            let fastChange = fast.withUnsafeMutableBufferPointer { ScalarFolding.nextChange($0, from: start, movingBack: shift) }
            let plainChange = plain.withUnsafeMutableBufferPointer { ScalarFolding.nextChangePlain($0, from: start, movingBack: shift) }
            let text = String(String.UnicodeScalarView(s))
            #expect(fastChange == plainChange, "\(text) from \(start)")
            #expect(fast == plain, "\(text) from \(start) moving back \(shift)")
        }
    }

    /// `makeNumbersCanonical` against the definition on long lines: prose runs with figures,
    /// so that its search steps over many scalars at once, before and after what it drops.
    @Test("made canonical in place on long lines: the definition's scalars and origins")
    func inPlaceLongLines() {
        var random = SplitMix64(seed: 16)
        let pieces = ["1", "20", "345", "6789", ",", ",", ".", " ", "\u{3000}", "万", "元", "%", "亿", "，", "．", "－", "\t",
                      "1,234", "4,499.46", "33,389,400", "0.97 万元", "１２", "－5"]
        let prose = Array("本年支出决算合计比上年减少主要原因是严格执行中央八项规定精神，压减一般性支出。".unicodeScalars)
        for _ in 0..<3_000 {
            let s = Self.line(of: pieces, prose: prose, parts: 16, run: 30, &random)
            Self.expectCanonicalInPlace(s, origins: random.below(6), &random)
        }
    }
}
