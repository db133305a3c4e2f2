import Testing
@testable import DisclosureKit

/// `UTF8Validator` against the standard library's validation (`String(validating:as:)`) on
/// byte strings built from valid characters and from every kind of ill-formed sequence,
/// at every offset from the eight-byte steps and cut off at every length.
@Suite struct UTF8ValidatorTests {
    /// Pieces: ASCII, two-, three- and four-byte characters at the edges of their ranges, and
    /// the ill-formed: lone continuation bytes, overlong leads, surrogates, above U+10FFFF,
    /// truncated sequences, bytes never used.
    static let pieces: [[UInt8]] = [
        [0x41], [0x20], [0x0A], [0x7F], [0x00],
        [0xC2, 0x80], [0xDF, 0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2],
        [0xE0, 0xA0, 0x80], [0xE0, 0x9F, 0xBF], [0xE4, 0xB8, 0x80], [0xE9, 0xBF, 0xBF], [0xEC, 0x80, 0x80],
        [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF], [0xE4, 0xB8], [0xE4, 0x41, 0x80],
        [0xE4, 0xB8, 0x41], [0xF0, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF3, 0xBF, 0xBF, 0xBF], [0xF0, 0x90, 0x80], [0xF5, 0x80, 0x80, 0x80],
        [0x80], [0xBF], [0xFE], [0xFF],
    ]

    @Test func agreesWithTheStandardLibrary() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<generator.below(12) {
                // Mostly valid text (Chinese and ASCII), now and then anything.
                let roll = generator.below(10)
                let piece = roll < 4 ? [0xE4, 0xB8, 0x80] : roll < 7 ? [0x41] : Self.pieces[generator.below(Self.pieces.count)]
                bytes += piece
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(UTF8Validator.isValid(bytes) == expected, "\(bytes)")
            // Every prefix too: a sequence cut by the end of the file.
            for end in 0..<bytes.count where UTF8Validator.isValid(bytes[..<end]) != (String(validating: bytes[..<end], as: UTF8.self) != nil) {
                Issue.record("prefix \(end) of \(bytes)")
            }
        }
    }

    @Test func eachPieceAtEveryOffset() {
        for piece in Self.pieces {
            for offset in 0..<10 {
                for tail in 0..<10 {
                    let bytes = [UInt8](repeating: 0x41, count: offset) + piece + [UInt8](repeating: 0x42, count: tail)
                    #expect(UTF8Validator.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
                }
            }
        }
    }
}
