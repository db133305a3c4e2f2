/// Substring search over UTF-8 bytes.
///
/// Foundation's `String.contains` / `range(of:)` fold character clusters and ran at under
/// 1 MB/s in a profile of the contents check; UTF-8 is self-synchronising, so a byte match
/// of a whole valid needle is a character match, at memory speed.
enum UTF8Search {
    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: some Collection<UInt8>, _ needle: [UInt8]) -> Bool {
        // A native string's UTF-8 is searched in place; anything else is copied once.
        if let found = haystack.withContiguousStorageIfAvailable({ firstIndex(in: $0, of: needle, from: 0) != nil }) {
            return found
        }
        return firstIndex(in: Array(haystack), of: needle, from: 0) != nil
    }

    /// Non-overlapping occurrences of `needle` in `haystack`.
    static func count(_ haystack: [UInt8], _ needle: [UInt8]) -> Int {
        var n = 0
        var from = 0
        while let i = firstIndex(in: haystack, of: needle, from: from) {
            n += 1
            from = i + needle.count
        }
        return n
    }

    /// The first index at or after `from` where `needle` starts.
    static func firstIndex(in haystack: [UInt8], of needle: [UInt8], from: Int) -> Int? {
        haystack.withUnsafeBufferPointer { firstIndex(in: $0, of: needle, from: from) }
    }

    /// The first index at or after `from` where `needle` starts.
    static func firstIndex(in haystack: UnsafeBufferPointer<UInt8>, of needle: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty ? from : nil }
        let last = haystack.count - needle.count
        var i = max(0, from)
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

extension String {
    /// Byte-level `contains`, without Foundation's cluster folding (see `UTF8Search`).
    func utf8Contains(_ needle: String) -> Bool {
        UTF8Search.contains(utf8, Array(needle.utf8))
    }

    /// Non-overlapping occurrences of `needle`, by UTF-8 bytes.
    func occurrences(of needle: String) -> Int {
        UTF8Search.count(Array(utf8), Array(needle.utf8))
    }
}
