import Testing
@testable import DisclosureKit

/// Comparing UTF-8 bytes orders strings as comparing their Unicode scalars does.
@Suite struct ScalarOrderTests {
    @Test func bytesOrderAsScalars() {
        // Scalars of one to four bytes, neighbours across the lengths' boundaries, and a
        // compatibility ideograph that `==` holds equal to its unified one.
        let pieces = ["a", "z", "\u{7F}", "\u{80}", "é", "\u{7FF}", "\u{800}", "甲", "乙", "丁", "\u{FFFF}", "\u{10000}",
                      "😀", "\u{10FFFF}", "豈", "\u{8C48}", "（", "(", "e\u{301}", " "]
        var state: UInt64 = 0x9E37_79B9
        func below(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        var texts = [""] + pieces
        for _ in 0..<600 { texts.append((0..<below(6)).map { _ in pieces[below(pieces.count)] }.joined()) }
        for a in texts {
            for b in texts.prefix(120) {
                let expected = a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
                #expect(ScalarOrder.precedes(a, b) == expected, "\(a.unicodeScalars.map(\.value)) \(b.unicodeScalars.map(\.value))")
                #expect(ScalarOrder.precedes(b, a) == b.unicodeScalars.lexicographicallyPrecedes(a.unicodeScalars))
            }
        }
    }
}
