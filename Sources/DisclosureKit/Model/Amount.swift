/// The unit a report states its amounts in.
public enum AmountUnit: String, Sendable, Hashable, Codable {
    /// 万元, ten thousand yuan: the template's usual unit.
    case wanYuan = "万元"
    /// 元, yuan: some reports and many table headers (`金额单位：元`).
    case yuan = "元"

    /// Hundredths of a yuan (分) in one unit.
    var fen: Int64 {
        switch self {
        case .wanYuan: return 1_000_000
        case .yuan: return 100
        }
    }
}

/// An exact amount of money, in hundredths of a yuan (分).
///
/// Why 分 and not hundredths of 万元: a report in 元 may state `6,113.59 元`, which is
/// 0.611359 万元; storing 分 keeps it exact, and printing rounds half-up to 0.01 万元.
public struct Amount: Hashable, Comparable, Sendable {
    public let fen: Int64

    public init(fen: Int64) { self.fen = fen }

    /// Converts a stated number in `unit` to an amount; nil when it cannot be held exactly
    /// in 64 bits (more than about 9 × 10¹² 万元) — such a figure is not a budget amount.
    public init?(_ stated: FixedDecimal, unit: AmountUnit) {
        let decimals = unit == .wanYuan ? 6 : 2
        guard let scaled = stated.scaled(to: decimals) else { return nil }
        self.fen = scaled
    }

    public static let zero = Amount(fen: 0)

    public static func < (a: Amount, b: Amount) -> Bool { a.fen < b.fen }

    public static func + (a: Amount, b: Amount) -> Amount? {
        let (s, o) = a.fen.addingReportingOverflow(b.fen)
        return o ? nil : Amount(fen: s)
    }

    /// The amount in 万元, rounded half away from zero to `decimals` places: `3332.37`.
    public func wanYuan(decimals: Int = 2) -> String {
        let stated = FixedDecimal(mantissa: fen, scale: 6)
        return formatFixed(stated.scaled(to: decimals) ?? 0, scale: decimals)
    }

    /// The amount as an exact decimal in 万元 (six places): used for ratios and JSON.
    public var exactWanYuan: FixedDecimal { FixedDecimal(mantissa: fen, scale: 6) }
}
