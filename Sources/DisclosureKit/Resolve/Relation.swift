/// A parts-add-up-to-total relation of the template: `三公 = 出国 + 用车 + 接待`.
///
/// Used to choose between conflicting statements (the value that makes the relations hold
/// wins) and to fill an unstated total from its stated parts.
public struct Relation: Sendable, Hashable {
    public let total: MetricID
    public let parts: [MetricID]

    public static let all: [Relation] = [
        Relation(total: .sangongVehicle, parts: [.sangongVehiclePurchase, .sangongVehicleOperation]),
        Relation(total: .sangongTotal, parts: [.sangongOutbound, .sangongVehicle, .sangongReception]),
        Relation(total: .totalExpenditure, parts: [.basicExpenditure, .projectExpenditure]),
        Relation(total: .procurementTotal, parts: [.procurementGoods, .procurementWorks, .procurementServices]),
    ]

    public var members: [MetricID] { [total] + parts }

    /// Whether the relation holds within rounding for the given statements; nil when a
    /// member is missing.
    public func holds(_ value: (MetricID) -> Observation?) -> Bool? {
        holds(intervals: { value($0).flatMap { RoundingInterval($0) } })
    }

    /// `holds(_:)` of the members' intervals: the resolver tries combinations of statements by
    /// their positions, and handing each over as a statement copied (retained) its strings.
    /// The parts are added as they come, without an array of their intervals: a missing part
    /// and an overflowing sum both give nil, whichever comes first.
    func holds(intervals interval: (MetricID) -> RoundingInterval?) -> Bool? {
        guard let t = interval(total) else { return nil }
        var sum = RoundingInterval(lower: 0, upper: 0)
        for p in parts {
            guard let i = interval(p), let s = sum.adding(i) else { return nil }
            sum = s
        }
        return sum.overlaps(t)
    }
}
