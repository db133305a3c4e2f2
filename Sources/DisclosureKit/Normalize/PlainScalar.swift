/// Scalars whose texts compare as `String`s exactly as they compare scalar by scalar.
///
/// Swift compares strings by canonical equivalence (`豈` U+F900 equals `豈` U+8C48) and walks
/// them by grapheme clusters (`-` and a combining accent are one `Character`). A scalar of this
/// set has no canonical decomposition, combining class 0, never composes with another of the
/// set and is a grapheme cluster on its own: ASCII but CR and LF, the CJK ideographs, CJK and
/// general punctuation, circled numbers and symbols, full-width forms. For a text of such
/// scalars the stages can work on the scalars and build no `String` to compare.
enum PlainScalar {
    /// An ideograph, most of a text, told by one range test before the others' (the switch's
    /// ranges were compared in an order of the compiler's).
    @inline(__always)
    static func isPlain(_ s: Unicode.Scalar) -> Bool {
        s.value &- 0x4E00 <= 0x9FFF - 0x4E00 || isListed(s)
    }

    /// The set's definition, range by range.
    static func isListed(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x20...0x7E, 0xFF01...0xFF60, 0x3000...0x3029, 0x3030...0x303F, 0x2010...0x2027,
             0x00...0x09, 0x0B...0x0C, 0x0E...0x1F, 0x7F, 0x2030...0x205E, 0x2460...0x27BF, 0x3400...0x4DBF,
             0xFE30...0xFE4F, 0xFFE0...0xFFEF:
            return true
        default:
            return false
        }
    }

    static func isPlain(_ text: some Collection<Unicode.Scalar>) -> Bool {
        text.allSatisfy { isPlain($0) }
    }
}
