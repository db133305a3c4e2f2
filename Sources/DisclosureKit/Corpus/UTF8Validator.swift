/// Whether bytes are well-formed UTF-8 (Unicode 15, table 3-7), as `String(validating:as:)`
/// decides it, without building a `String`.
///
/// A report is checked once, to choose between UTF-8 and GB18030, and then read as bytes by
/// the pipeline: building a `String` from it validated it at about ten instructions a byte,
/// a tenth of the whole extraction. Here a run of ASCII goes up to eight bytes at a step and a
/// common three-byte character (every Chinese character) is one masked comparison.
enum UTF8Validator {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var i = 0
        while i < count {
            // The common cases from one eight-byte load: a run of ASCII (skipped up to its first
            // other byte), or a three-byte character other than E0/ED-led (the two with
            // restricted second bytes), told by its lead's high nibble and two continuation bytes.
            if i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self).littleEndian
                let high = word & 0x8080_8080_8080_8080
                if high == 0 {
                    i += 8
                    continue
                }
                let ascii = high.trailingZeroBitCount / 8
                if ascii > 0 {
                    i += ascii
                    continue
                }
                if word & 0x00C0_C0F0 == 0x0080_80E0, case let nibble = word & 0x0F, nibble != 0, nibble != 0x0D {
                    // And a second one right after it, from the same word (Chinese comes in runs).
                    if word & 0xC0C0_F000_0000 == 0x8080_E000_0000, case let next = word >> 24 & 0x0F, next != 0, next != 0x0D {
                        i += 6
                    } else {
                        i += 3
                    }
                    continue
                }
            }
            let lead = base[i]
            switch lead {
            case 0x00...0x7F:
                i += 1
            case 0xC2...0xDF:
                guard i + 1 < count, isContinuation(base[i + 1]) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard i + 2 < count, isContinuation(base[i + 2]) else { return false }
                let second = base[i + 1]
                switch lead {
                case 0xE0: guard (0xA0...0xBF).contains(second) else { return false } // no overlong form
                case 0xED: guard (0x80...0x9F).contains(second) else { return false } // no surrogate
                default: guard isContinuation(second) else { return false }
                }
                i += 3
            case 0xF0...0xF4:
                guard i + 3 < count, isContinuation(base[i + 2]), isContinuation(base[i + 3]) else { return false }
                let second = base[i + 1]
                switch lead {
                case 0xF0: guard (0x90...0xBF).contains(second) else { return false } // no overlong form
                case 0xF4: guard (0x80...0x8F).contains(second) else { return false } // nothing above U+10FFFF
                default: guard isContinuation(second) else { return false }
                }
                i += 4
            default:
                // A continuation byte without a lead, C0/C1 (overlong) or F5–FF (never used).
                return false
            }
        }
        return true
    }

    /// Whether the first `limit` bytes are well-formed, the limit moved back to where the
    /// sequence it cuts starts. (Text that is not UTF-8 shows it within its first kilobytes.)
    static func isValidPrefix(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Bool {
        guard bytes.count > limit, limit > 0 else { return isValid(bytes) }
        var end = limit
        while end > limit - 3, end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return isValid(UnsafeBufferPointer(rebasing: bytes[..<end]))
    }

    static func isValid(_ bytes: some Collection<UInt8>) -> Bool {
        if let result = bytes.withContiguousStorageIfAvailable({ isValid($0) }) { return result }
        return Array(bytes).withUnsafeBufferPointer { isValid($0) }
    }

    @inline(__always)
    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}
