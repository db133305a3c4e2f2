/// Strings made of scalars (a line's text, snippets, table labels), encoded in one pass and
/// not validated again: the one way the core turns scalars into a `String`.
///
/// `String(unsafeUninitializedCapacity:)` checks the bytes it was given, and an exact capacity
/// needs a counting pass first: for a snippet of a hundred ideographs the check was a third of
/// its making, and the count another fifth. Scalars encode to well-formed UTF-8 by construction
/// (a `Unicode.Scalar` is never a surrogate), so here they are written once into room for four
/// bytes each and the string is made from them as known-valid UTF-8 (`UTF8Span(unchecked:)`),
/// marked ASCII exactly when they are, as validating marks it. `String.UnicodeScalarView.append`
/// went through a generic iterator per scalar, and `UTF8.encode` a closure per scalar.
enum ScalarString {
    /// The string of `s`, each tab written as a space when `tabsAsSpaces`.
    static func make(_ s: UnsafeBufferPointer<Unicode.Scalar>, tabsAsSpaces: Bool = false) -> String {
        tabsAsSpaces ? encoded(s, tabsAsSpaces: true) : encoded(s, tabsAsSpaces: false)
    }

    /// `make`, with `tabsAsSpaces` a constant where it is inlined (no test per scalar for the
    /// snippets, which keep their tabs).
    @inline(__always)
    private static func encoded(_ s: UnsafeBufferPointer<Unicode.Scalar>, tabsAsSpaces: Bool) -> String {
        if s.isEmpty { return "" }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: s.count &* 4) { room in
            guard let out = room.baseAddress else { return "" }
            let raw = UnsafeMutableRawPointer(out)
            var w = 0
            var all: UInt32 = 0
            for scalar in s {
                var v = scalar.value
                if tabsAsSpaces && v == 0x09 { v = 0x20 }
                all |= v
                // A scalar's bytes in one store of four, the first in the lowest byte: the
                // scalars before it wrote at most four each, so the store ends within the room
                // for four per scalar, and the next scalar's bytes overwrite what lies past its own.
                let bytes: UInt32
                let length: Int
                if v < 0x80 {
                    bytes = v
                    length = 1
                } else if v < 0x800 {
                    bytes = (0xC0 | v >> 6) | (0x80 | v & 0x3F) << 8
                    length = 2
                } else if v < 0x1_0000 {
                    bytes = (0xE0 | v >> 12) | (0x80 | v >> 6 & 0x3F) << 8 | (0x80 | v & 0x3F) << 16
                    length = 3
                } else {
                    bytes = (0xF0 | v >> 18) | (0x80 | v >> 12 & 0x3F) << 8 | (0x80 | v >> 6 & 0x3F) << 16 | (0x80 | v & 0x3F) << 24
                    length = 4
                }
                raw.storeBytes(of: bytes.littleEndian, toByteOffset: w, as: UInt32.self)
                w &+= length
            }
            let bytes = Span(_unsafeElements: UnsafeBufferPointer(start: out, count: w))
            return String(copying: UTF8Span(unchecked: bytes, isKnownASCII: all < 0x80))
        }
    }

    /// `make` of `s[range]`, the range clamped to `s`.
    static func make(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, tabsAsSpaces: Bool = false) -> String {
        let lo = max(0, min(range.lowerBound, s.count))
        let hi = max(lo, min(range.upperBound, s.count))
        return make(UnsafeBufferPointer(rebasing: s[lo..<hi]), tabsAsSpaces: tabsAsSpaces)
    }
}
