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

    @Test("ScalarMap gives the numbers a dictionary gives, set one by one or numbered at once")
    func mapMatchesADictionary() {
        var generator = SplitMix64(seed: 4)
        let edges: [UInt32] = [0, 1, 0xFF, 0x100, 0x3000, 0x4E00, 0x4EFF, 0x4F00, 0x9FFF, 0xD7FF, 0xE000, 0xFF08, 0xFFFF,
                               0x10000, 0x1F600, 0x10FFFF]
        let pool = edges.compactMap(Unicode.Scalar.init)
        for _ in 0..<300 {
            var map = ScalarMap()
            var expected: [Unicode.Scalar: UInt32] = [:]
            for _ in 0..<generator.below(20) {
                let scalar = pool[generator.below(pool.count)]
                let number = UInt32(generator.below(4))
                map[scalar] = number
                expected[scalar] = number
            }
            for probe in pool { #expect(map[probe] == expected[probe] ?? 0, "\(probe.value)") }
            let members = (0..<generator.below(12)).map { _ in pool[generator.below(pool.count)] }
            let numbered = ScalarMap(numbering: members)
            var order: [Unicode.Scalar] = []
            for m in members where !order.contains(m) { order.append(m) }
            #expect(numbered.count == order.count)
            for probe in pool { #expect(numbered[probe] == order.firstIndex(of: probe).map { UInt32($0 + 1) } ?? 0) }
        }
    }
}
