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
            var offsets = Set<Int>()
            for _ in 0..<random.below(5) { offsets.insert(random.below(s.count + 1)) }
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
    }
}
