import Testing
@testable import DisclosureKit

/// `MetricID` compares and hashes by its position in the catalog (a hand-written switch);
/// these pin that position to `allCases` and the catalog, so a case added or moved without
/// its switch line fails here instead of ranking or resolving the wrong metric.
@Suite struct MetricIDTests {
    @Test func catalogIndexIsThePositionInAllCases() {
        for (offset, id) in MetricID.allCases.enumerated() {
            #expect(id.catalogIndex == offset, "\(id)")
            #expect(Metric.catalog[offset].id == id, "\(id)")
        }
    }

    @Test func equalityHashingAndOrderFollowTheCase() {
        let all = MetricID.allCases
        for a in all {
            for b in all {
                #expect((a == b) == (a.rawValue == b.rawValue))
                #expect((a < b) == (all.firstIndex(of: a)! < all.firstIndex(of: b)!))
            }
        }
        #expect(Set(all).count == all.count)
        let byID = Dictionary(uniqueKeysWithValues: all.map { ($0, $0.rawValue) })
        #expect(all.allSatisfy { byID[$0] == $0.rawValue })
    }
}
