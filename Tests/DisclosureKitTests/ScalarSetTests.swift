import Testing
@testable import DisclosureKit

/// `ScalarSet` (a bit per BMP scalar, a sorted list above it) against `Set<Unicode.Scalar>`,
/// on members at the word edges (63, 64), the ends of the plane (U+FFFF, U+10000) and Chinese.
@Suite struct ScalarSetTests {
    @Test func membershipMatchesASet() {
        var generator = SplitMix64(seed: 3)
        let edges: [UInt32] = [0, 1, 62, 63, 64, 65, 127, 128, 0x3000, 0x4E00, 0x9FFF, 0xD7FF, 0xE000, 0xFFFE, 0xFFFF,
                               0x10000, 0x1F600, 0x10FFFF]
        let pool = edges.compactMap(Unicode.Scalar.init)
        for _ in 0..<300 {
            let members = (0..<generator.below(12)).map { _ in pool[generator.below(pool.count)] }
            let set = ScalarSet(members)
            let expected = Set(members)
            for probe in pool {
                #expect(set.contains(probe) == expected.contains(probe), "\(probe.value) in \(members.map(\.value))")
            }
        }
    }
}
