/// A decimal number exactly as a report states it: `3332.37`, `-5252.65`, `0`, `100.00`.
///
/// Keeps the number of decimals written, because a stated figure stands for the interval of
/// ± half a unit of its last decimal (`0.82` means 0.815 … 0.825). Parsing never traps:
/// forty-digit numbers, two decimal points or stray characters give `nil`.
public struct FixedDecimal: Hashable, Sendable, CustomStringConvertible {
    /// The digits as an integer: `3332.37` has mantissa 333237.
    public let mantissa: Int64
    /// How many decimals were written: `3332.37` has scale 2, `146` scale 0.
    public let scale: Int

    public init(mantissa: Int64, scale: Int) {
        self.mantissa = mantissa
        self.scale = scale
    }

    /// Parses ASCII digits with an optional leading `-` and at most one `.`; no separators.
    /// Returns nil for anything else, including values that do not fit in 18 digits.
    public init?<S: StringProtocol>(_ text: S) {
        guard let (mantissa, scale) = Self.parse(text.utf8) else { return nil }
        self.init(mantissa: mantissa, scale: scale)
    }

    /// `init(_:)` of the text of `scalars`, read without making a string (a number's scalars
    /// are ASCII; any other scalar is, as its UTF-8 is, not a digit).
    init?(scalars: Slice<UnsafeBufferPointer<Unicode.Scalar>>) {
        guard let (mantissa, scale) = Self.parse(scalars.lazy.map { $0.value }) else { return nil }
        self.init(mantissa: mantissa, scale: scale)
    }

    /// The mantissa and scale of the number whose characters' codes are `codes` (UTF-8 bytes
    /// or scalar values: the ASCII ones are the same).
    private static func parse<Codes: Sequence>(_ codes: Codes) -> (mantissa: Int64, scale: Int)?
    where Codes.Element: FixedWidthInteger {
        var negative = false
        var value: Int64 = 0
        var scale = 0
        var seenPoint = false
        var digits = 0
        var first = true
        for code in codes {
            defer { first = false }
            switch code {
            case 0x2D where first: // -
                negative = true
            case 0x2E: // .
                if seenPoint || digits == 0 { return nil }
                seenPoint = true
            case 0x30...0x39:
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(code - 0x30))
                if o1 || o2 || digits >= 18 { return nil }
                value = s
                digits += 1
                if seenPoint { scale += 1 }
            default:
                return nil
            }
        }
        if digits == 0 || (seenPoint && scale == 0) { return nil }
        return (negative ? -value : value, scale)
    }

    public var isZero: Bool { mantissa == 0 }
    public var isNegative: Bool { mantissa < 0 }

    /// The value scaled to `decimals` places, rounded half away from zero; nil on overflow.
    public func scaled(to decimals: Int) -> Int64? {
        if mantissa == 0 { return 0 }
        if decimals >= scale {
            var v = mantissa
            for _ in 0..<(decimals - scale) {
                let (m, o) = v.multipliedReportingOverflow(by: 10)
                if o { return nil }
                v = m
            }
            return v
        }
        // 10^19 does not fit in Int64: half of it is the most a mantissa can round up from.
        let steps = scale - decimals
        if steps > 19 { return 0 }
        if steps == 19 { return mantissa.magnitude >= 5_000_000_000_000_000_000 ? (mantissa < 0 ? -1 : 1) : 0 }
        var divisor: Int64 = 1
        for _ in 0..<steps { divisor *= 10 }
        let q = mantissa / divisor
        let r = mantissa % divisor
        if abs(r) * 2 >= divisor { return mantissa < 0 ? q - 1 : q + 1 }
        return q
    }

    /// The text as written, normalized: `3332.37`, `-0.32`, `0`.
    public var description: String {
        formatFixed(mantissa, scale: scale)
    }
}

/// Formats an integer that carries `scale` implied decimals: (333237, 2) → `3332.37`.
func formatFixed(_ value: Int64, scale: Int) -> String {
    formatFixed(magnitude: UInt128(value.magnitude), negative: value < 0, scale: scale)
}

/// Formats a magnitude that carries `scale` implied decimals, with a `-` when `negative` and
/// not zero: (333237, false, 2) → `3332.37`, (5, true, 3) → `-0.005`.
///
/// Digits written straight into the string's storage, by 64-bit division while the magnitude
/// fits (always, for a stated figure): `String(UInt128)` and the index arithmetic on the string
/// cost more than the rest of printing a report's figures.
func formatFixed(magnitude: UInt128, negative: Bool, scale: Int) -> String {
    // Digits of the magnitude, least significant first (an UInt128 has at most 39).
    var digitCount = 0
    var reversed: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
    withUnsafeMutableBytes(of: &reversed) { digits in
        var rest = magnitude
        while rest > UInt128(UInt64.max) {
            let (q, r) = rest.quotientAndRemainder(dividingBy: 10)
            digits[digitCount] = UInt8(truncatingIfNeeded: r) &+ 0x30
            digitCount += 1
            rest = q
        }
        var small = UInt64(rest)
        repeat {
            let (q, r) = small.quotientAndRemainder(dividingBy: 10)
            digits[digitCount] = UInt8(truncatingIfNeeded: r) &+ 0x30
            digitCount += 1
            small = q
        } while small != 0
    }
    let scale = max(0, scale)
    // `0.005`: zeros before the digits when there are no more digits than decimals.
    let integerDigits = max(digitCount - scale, 1)
    let sign = negative && magnitude != 0 ? 1 : 0
    let length = sign + integerDigits + (scale > 0 ? 1 + scale : 0)
    return withUnsafeBytes(of: &reversed) { digits in
        String(unsafeUninitializedCapacity: length) { out in
            var w = 0
            if sign == 1 {
                out[w] = UInt8(ascii: "-")
                w += 1
            }
            // Position p counts digits from the last (0 = least significant); past the
            // magnitude's digits they are zeros.
            var p = integerDigits + scale - 1
            while p >= 0 {
                out[w] = p < digitCount ? digits[p] : UInt8(ascii: "0")
                w += 1
                if p == scale && scale > 0 {
                    out[w] = UInt8(ascii: ".")
                    w += 1
                }
                p -= 1
            }
            return w
        }
    }
}
