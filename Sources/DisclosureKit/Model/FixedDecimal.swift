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
        var negative = false
        var value: Int64 = 0
        var scale = 0
        var seenPoint = false
        var digits = 0
        var first = true
        for byte in text.utf8 {
            defer { first = false }
            switch byte {
            case UInt8(ascii: "-") where first:
                negative = true
            case UInt8(ascii: "."):
                if seenPoint || digits == 0 { return nil }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
                if o1 || o2 || digits >= 18 { return nil }
                value = s
                digits += 1
                if seenPoint { scale += 1 }
            default:
                return nil
            }
        }
        if digits == 0 || (seenPoint && scale == 0) { return nil }
        self.mantissa = negative ? -value : value
        self.scale = scale
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
func formatFixed(magnitude: UInt128, negative: Bool, scale: Int) -> String {
    var digits = String(magnitude)
    if scale > 0 {
        if digits.count <= scale {
            digits = String(repeating: "0", count: scale - digits.count + 1) + digits
        }
        let cut = digits.index(digits.endIndex, offsetBy: -scale)
        digits = digits[..<cut] + "." + digits[cut...]
    }
    return negative && magnitude != 0 ? "-" + digits : digits
}
