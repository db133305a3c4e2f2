/// Tests eight bytes of UTF-8 at a time for the few ASCII bytes that make a field or a string
/// need work (a quote, a separator, a control character), so that text holding none of them —
/// names, sentences, numbers — is passed over in one load and a few operations per eight bytes.
///
/// Each test is exact for the word as a whole: it is nonzero if and only if some byte of the word
/// is the one tested (`has`) or below the limit (`hasBelow`); which byte it was is not told.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Nonzero when a byte of `word` is `byte`.
    @inline(__always)
    static func has(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let v = word ^ (ones &* UInt64(byte))
        return (v &- ones) & ~v & highBits
    }

    /// Nonzero when a byte of `word` is below `limit`, which must be at most 0x80.
    @inline(__always)
    static func hasBelow(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highBits
    }

    /// The eight bytes of `bytes` from `index` (which must leave eight), in memory order.
    @inline(__always)
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        return UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
    }
}
