import Testing
@testable import DisclosureKit

/// Exact numbers at their edges: FixedDecimal parsing and rounding, Amount in 分, Ratio
/// fractions and the rounding intervals the consistency checks use.
@Suite("FixedDecimal, Amount, Ratio, RoundingInterval")
struct FixedDecimalTests {
    // MARK: FixedDecimal

    /// `formatFixed` as it was first written, on strings: the definition the fast one follows.
    static func plainFormat(magnitude: UInt128, negative: Bool, scale: Int) -> String {
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

    @Test("formatting writes the digits the string definition writes, at 64 and 128 bits")
    func formatting() {
        var random = SplitMix64(seed: 31)
        var magnitudes: [UInt128] = [0, 1, 9, 10, 99, 100, 12345, UInt128(UInt64.max), UInt128(UInt64.max) + 1, UInt128.max]
        for _ in 0..<3_000 {
            let bits = random.below(128)
            let wide = UInt128(random.next()) << 64 | UInt128(random.next())
            magnitudes.append(bits == 0 ? 0 : wide >> UInt128(128 - bits))
        }
        for magnitude in magnitudes {
            for scale in [0, 1, 2, 3, 5, 19, 40] {
                for negative in [false, true] {
                    #expect(formatFixed(magnitude: magnitude, negative: negative, scale: scale)
                            == Self.plainFormat(magnitude: magnitude, negative: negative, scale: scale), "\(magnitude) \(scale)")
                }
            }
        }
        #expect(formatFixed(333_237, scale: 2) == "3332.37" && formatFixed(-5, scale: 3) == "-0.005" && formatFixed(0, scale: 2) == "0.00")
    }

    @Test("parses the number as written, keeping its decimals")
    func parsesAsWritten() throws {
        let d = try #require(FixedDecimal("3332.37"))
        #expect(d.mantissa == 333_237)
        #expect(d.scale == 2)
        let negative = try #require(FixedDecimal("-5252.65"))
        #expect(negative.mantissa == -525_265)
        #expect(negative.isNegative)
        let hundred = try #require(FixedDecimal("100.00"))
        #expect(hundred.scale == 2)
        #expect(hundred.description == "100.00")
        let zero = try #require(FixedDecimal("0"))
        #expect(zero.isZero && zero.scale == 0)
    }

    @Test("rejects anything that is not one plain decimal number",
          arguments: ["", "-", ".5", "5.", "1.2.3", "1,234", "7.496,5", "12a", " 1", "1 ", "--1", "1-", "+1", "１２", "0x10"])
    func rejectsMalformed(_ text: String) {
        #expect(FixedDecimal(text) == nil)
    }

    @Test("eighteen digits fit, nineteen do not; forty never trap")
    func digitLimit() {
        #expect(FixedDecimal("999999999999999999")?.mantissa == 999_999_999_999_999_999)
        #expect(FixedDecimal("-999999999999999999")?.mantissa == -999_999_999_999_999_999)
        #expect(FixedDecimal("1000000000000000000") == nil)
        #expect(FixedDecimal("9223372036854775807") == nil)
        #expect(FixedDecimal(String(repeating: "9", count: 40)) == nil)
        #expect(FixedDecimal("0." + String(repeating: "1", count: 17))?.scale == 17)
    }

    @Test("scaling rounds half away from zero at the last kept decimal")
    func scalingRounds() {
        #expect(Stage.decimal("0.825").scaled(to: 2) == 83)
        #expect(Stage.decimal("0.824").scaled(to: 2) == 82)
        #expect(Stage.decimal("-0.825").scaled(to: 2) == -83)
        #expect(Stage.decimal("-0.824").scaled(to: 2) == -82)
        #expect(Stage.decimal("1.5").scaled(to: 0) == 2)
        #expect(Stage.decimal("-1.5").scaled(to: 0) == -2)
        #expect(Stage.decimal("0.97").scaled(to: 6) == 970_000)
        #expect(Stage.decimal("146").scaled(to: 2) == 14_600)
    }

    @Test("scaling up past 64 bits is nil, not a wrapped number")
    func scalingOverflow() {
        #expect(FixedDecimal(mantissa: .max, scale: 0).scaled(to: 1) == nil)
        #expect(Stage.decimal("999999999999999999").scaled(to: 2) == nil)
        #expect(FixedDecimal(mantissa: .max, scale: 0).scaled(to: 0) == .max)
    }

    @Test("description pads leading zeros and never prints -0")
    func descriptionFormats() {
        #expect(FixedDecimal(mantissa: 5, scale: 3).description == "0.005")
        #expect(FixedDecimal(mantissa: -5, scale: 2).description == "-0.05")
        #expect(FixedDecimal(mantissa: 0, scale: 2).description == "0.00")
        #expect(Stage.decimal("-0").description == "0")
        #expect(Stage.decimal("-0.00").description == "0.00")
        #expect(FixedDecimal(mantissa: .min + 1, scale: 0).description == "-9223372036854775807")
    }

    // MARK: Amount

    @Test("万元 and 元 meet exactly in 分: 9700 元 is 0.97 万元")
    func yuanAndWanYuanAgree() throws {
        let wan = try #require(Amount(Stage.decimal("0.97"), unit: .wanYuan))
        let yuan = try #require(Amount(Stage.decimal("9700"), unit: .yuan))
        #expect(wan.fen == 970_000)
        #expect(wan == yuan)
        #expect(yuan.wanYuan() == "0.97")
    }

    @Test("an amount in 元 keeps its 分 exactly: 6113.59 元 is 0.611359 万元")
    func yuanKeepsFen() throws {
        let a = try #require(Amount(Stage.decimal("6113.59"), unit: .yuan))
        #expect(a.fen == 611_359)
        #expect(a.exactWanYuan.description == "0.611359")
        #expect(a.wanYuan() == "0.61")
        #expect(a.wanYuan(decimals: 4) == "0.6114")
    }

    @Test("printing 万元 rounds half-up at 0.005 and never prints -0.00")
    func wanYuanRounding() {
        #expect(Amount(fen: 5_000).wanYuan() == "0.01")
        #expect(Amount(fen: 4_999).wanYuan() == "0.00")
        #expect(Amount(fen: -5_000).wanYuan() == "-0.01")
        #expect(Amount(fen: -4_999).wanYuan() == "0.00")
        #expect(Amount(fen: 5_307_630_000).wanYuan() == "5307.63")
        #expect(Amount.zero.wanYuan() == "0.00")
    }

    @Test("about 9 × 10¹² 万元 fit in 64 bits; more is not an amount")
    func amountLimit() {
        #expect(Amount(Stage.decimal("9000000000000"), unit: .wanYuan)?.fen == 9_000_000_000_000_000_000)
        #expect(Amount(Stage.decimal("9300000000000"), unit: .wanYuan) == nil)
        #expect(Amount(Stage.decimal("999999999999999999"), unit: .yuan) == nil)
    }

    @Test("adding amounts is exact and reports overflow as nil")
    func amountAddition() {
        #expect((Stage.wan("0.42") + Stage.wan("0.39"))?.wanYuan() == "0.81")
        #expect((Amount(fen: .max) + Amount(fen: 1)) == nil)
        #expect((Amount(fen: .min) + Amount(fen: -1)) == nil)
        #expect(Stage.wan("0.97") < Stage.wan("0.98"))
    }

    // MARK: Ratio

    @Test("a share of nothing is no share: zero denominators give nil")
    func zeroDenominator() {
        #expect(Ratio(1, 0) == nil)
        #expect(Ratio.percent(Stage.wan("7.50"), of: .zero) == nil)
    }

    @Test("negative denominators move their sign up; Int64.min cannot be negated")
    func signNormalization() throws {
        let r = try #require(Ratio(1, -2))
        #expect(r.numerator == -1 && r.denominator == 2)
        #expect(Ratio(.min, -1) == nil)
        #expect(Ratio(1, .min) == nil)
    }

    @Test("875.26 / 1271.25 × 100 prints 68.85 and 68.850")
    func projectShareExample() throws {
        let r = try #require(Ratio.percent(Stage.wan("875.26"), of: Stage.wan("1271.25")))
        #expect(r.formatted(decimals: 2) == "68.85")
        #expect(r.formatted(decimals: 3) == "68.850")
    }

    @Test("ratios round half away from zero when printed")
    func ratioRounding() throws {
        #expect(try #require(Ratio(1, 8)).formatted(decimals: 2) == "0.13")
        #expect(try #require(Ratio(-1, 8)).formatted(decimals: 2) == "-0.13")
        #expect(try #require(Ratio(1, 3)).formatted(decimals: 2) == "0.33")
        #expect(try #require(Ratio(2, 3)).formatted(decimals: 2) == "0.67")
        #expect(try #require(Ratio(7_500_000, 5_307_630_000)).formatted(decimals: 5) == "0.00141")
        let intensity = try #require(Ratio.percent(Stage.wan("7.50"), of: Stage.wan("5307.63")))
        #expect(intensity.formatted(decimals: 3) == "0.141")
    }

    @Test("equal fractions are equal and hash alike; order is exact in 128 bits")
    func ratioComparison() throws {
        let half = try #require(Ratio(1, 2))
        let twoQuarters = try #require(Ratio(2, 4))
        #expect(half == twoQuarters)
        #expect(Set([half, twoQuarters]).count == 1)
        let big = try #require(Ratio(.max, .max - 1))
        let one = try #require(Ratio(1, 1))
        #expect(one < big)
        #expect(!(big < one))
        #expect(try #require(Ratio(.max - 1, 1)) < (try #require(Ratio(.max, 1))))
        #expect(try #require(Ratio(-1, 3)) < (try #require(Ratio(0, 7))))
    }

    @Test("a ratio too large for 64 bits still prints exactly (128-bit), never wraps")
    func ratioOverflow() throws {
        let r = try #require(Ratio(.max, 1))
        #expect(r.scaled(to: 2) == nil)
        #expect(r.formatted(decimals: 2) == "9223372036854775807.00")
        #expect(r.formatted(decimals: 19) == "")
        #expect(Ratio.percent(Amount(fen: .max), of: Amount(fen: 1)) == nil)
    }

    // MARK: RoundingInterval

    @Test("half a unit of the last decimal, in 分; 万元 are precise to at least 0.01 (`146` means 146.00)")
    func halfUnit() {
        #expect(RoundingInterval.halfUnit(scale: 2, unit: .wanYuan) == 5_000)
        #expect(RoundingInterval.halfUnit(scale: 1, unit: .wanYuan) == 5_000)
        #expect(RoundingInterval.halfUnit(scale: 0, unit: .wanYuan) == 5_000)
        #expect(RoundingInterval.halfUnit(scale: 4, unit: .wanYuan) == 50)
        #expect(RoundingInterval.halfUnit(scale: 6, unit: .wanYuan) == 0)
        #expect(RoundingInterval.halfUnit(scale: 0, unit: .yuan) == 50)
        #expect(RoundingInterval.halfUnit(scale: 2, unit: .yuan) == 0)
    }

    @Test("0.82 万元 stands for 0.815 … 0.825, bounds included")
    func intervalOfObservation() throws {
        let i = try #require(RoundingInterval(Stage.obs(.sangongTotal, "0.82")))
        #expect(i.lower == 815_000 && i.upper == 825_000)
        #expect(i.contains(815_000) && i.contains(825_000))
        #expect(!i.contains(814_999) && !i.contains(825_001))
        #expect(RoundingInterval(Stage.obs(.projectShare, "52.31", role: .share, unit: nil)) == nil)
    }

    @Test("0.42 + 0.00 + 0.39 against a stated 0.82 holds; against 0.83 it does not")
    func partsWithinRounding() {
        let parts: [MetricID: Observation] = [
            .sangongOutbound: Stage.obs(.sangongOutbound, "0.42"),
            .sangongVehicle: Stage.obs(.sangongVehicle, "0.00"),
            .sangongReception: Stage.obs(.sangongReception, "0.39"),
        ]
        let relation = Relation(total: .sangongTotal, parts: [.sangongOutbound, .sangongVehicle, .sangongReception])
        var with82 = parts
        with82[.sangongTotal] = Stage.obs(.sangongTotal, "0.82")
        #expect(relation.holds { with82[$0] } == true)
        var with83 = parts
        with83[.sangongTotal] = Stage.obs(.sangongTotal, "0.83")
        #expect(relation.holds { with83[$0] } == false)
        #expect(relation.holds { parts[$0] } == nil)
    }

    @Test("intervals that only touch do not agree, unless one is an exact point")
    func halfOpenOverlap() {
        let a = RoundingInterval(lower: 815_000, upper: 825_000)
        #expect(!a.overlaps(RoundingInterval(lower: 825_000, upper: 835_000)))
        #expect(!RoundingInterval(lower: 825_000, upper: 835_000).overlaps(a))
        #expect(a.overlaps(RoundingInterval(lower: 824_999, upper: 835_000)))
        #expect(a.overlaps(RoundingInterval(lower: 825_000, upper: 825_000)))
        #expect(RoundingInterval(lower: 100, upper: 100).overlaps(RoundingInterval(lower: 100, upper: 100)))
        #expect(!RoundingInterval(lower: 100, upper: 100).overlaps(RoundingInterval(lower: 101, upper: 101)))
    }

    @Test("a sum of intervals that overflows is nil")
    func sumOverflow() {
        #expect(RoundingInterval.sum([RoundingInterval(lower: 0, upper: .max), RoundingInterval(lower: 0, upper: 1)]) == nil)
        let s = RoundingInterval.sum([RoundingInterval(lower: 1, upper: 2), RoundingInterval(lower: 10, upper: 20)])
        #expect(s == RoundingInterval(lower: 11, upper: 22))
    }

    @Test("a stated 68.90 % is not 875.26 / 1271.25; a stated 68.85 % is")
    func shareHolds() {
        let part = RoundingInterval(Stage.obs(.projectExpenditure, "875.26"))!
        let whole = RoundingInterval(Stage.obs(.totalExpenditure, "1271.25"))!
        #expect(!RoundingInterval.shareHolds(stated: Stage.decimal("68.90"), part: part, whole: whole))
        #expect(RoundingInterval.shareHolds(stated: Stage.decimal("68.85"), part: part, whole: whole))
        #expect(RoundingInterval.shareHolds(stated: Stage.decimal("68.8"), part: part, whole: whole))
        #expect(!RoundingInterval.shareHolds(stated: Stage.decimal("68.95"), part: part, whole: whole))
        // A percentage keeps its written precision: `69` is 68.5 … 69.5.
        #expect(RoundingInterval.shareHolds(stated: Stage.decimal("69"), part: part, whole: whole))
    }

    @Test("an exact share rounded half-up is accepted: 2525.00 元 / 20000.00 元 = 12.625 % stated as 12.63 %")
    func exactShareOnTheRoundingEdge() {
        let part = RoundingInterval(Stage.obs(.procurementSME, "2525.00", unit: .yuan))!
        let whole = RoundingInterval(Stage.obs(.procurementTotal, "20000.00", unit: .yuan))!
        #expect(part.lower == part.upper && whole.lower == whole.upper)
        #expect(RoundingInterval.shareHolds(stated: Stage.decimal("12.62"), part: part, whole: whole) == false)
        #expect(RoundingInterval.shareHolds(stated: Stage.decimal("12.625"), part: part, whole: whole))
        #expect(RoundingInterval.shareHolds(stated: Stage.decimal("12.63"), part: part, whole: whole))
    }

    @Test("a stated 99.31 % lies within 0.97 / 0.98 once both are rounded")
    func executionWithinRounding() {
        let part = RoundingInterval(Stage.obs(.sangongTotal, "0.97"))!
        let whole = RoundingInterval(Stage.obs(.sangongBudget, "0.98"))!
        #expect(RoundingInterval.shareHolds(stated: Stage.decimal("99.31"), part: part, whole: whole))
        #expect(!RoundingInterval.shareHolds(stated: Stage.decimal("101"), part: part, whole: whole))
    }
}
