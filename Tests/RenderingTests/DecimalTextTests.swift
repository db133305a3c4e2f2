import Testing
@testable import Rendering

/// Digits written straight into bytes are `String(value)`'s, whatever the value.
@Suite struct DecimalTextTests {
    @Test func digitsAreThoseOfString() {
        var random = TestRandom(seed: 7)
        var values = [0, 1, 9, 10, 99, 100, -1, -9, -10, 2024, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for digits in 1...19 {
            var power = 1
            for _ in 1..<digits { power *= 10 }
            values += [power, power - 1, -power, -(power - 1), power + random.below(power)]
        }
        for _ in 0..<2_000 { values.append(random.below(Int.max) - random.below(Int.max)) }
        for value in values {
            var bytes: [UInt8] = [0x41]
            DecimalText.append(value, to: &bytes)
            #expect(bytes == [0x41] + Array(String(value).utf8), "\(value)")
        }
    }
}
