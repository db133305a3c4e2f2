import Testing
@testable import DisclosureKit

/// `ScalarSearch`'s lane-at-a-step searches against the plain loop they stand for, on random
/// lines of every length up to 40 (so the vector steps, their ends and the scalar tail all
/// come into play) and every start, with scalars at the edges of the ranges searched for.
@Suite struct ScalarSearchTests {
    /// Ideographs, CJK punctuation, full-width forms and their neighbours, digits, `*`, `_`.
    static let pool: [Unicode.Scalar] = [0x20, 0x2A, 0x2F, 0x30, 0x35, 0x39, 0x3A, 0x5F, 0x2FFF, 0x3000, 0x3001,
                                         0x4E00, 0x5355, 0x9FFF, 0xA4CF, 0xFF0B, 0xFF0C, 0xFF0D, 0xFFFF, 0x1F600]
        .compactMap(Unicode.Scalar.init)

    static func lines(seed: UInt64, _ body: ([Unicode.Scalar]) -> Void) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<400 {
            // Mostly runs of ideographs, as in a report, with the other scalars sprinkled in.
            let line = (0..<random.below(41)).map { _ in
                random.below(3) == 0 ? pool[random.below(pool.count)] : Unicode.Scalar(UInt32(0x4E00 + random.below(0x5000)))!
            }
            body(line)
        }
    }

    @Test func firstOutsideIsThePlainLoop() {
        let ranges: [ClosedRange<UInt32>] = [0x3001...0xFF0B, 0x30...0x39, 0x4E00...0x4E00, 0...0x10FFFF]
        Self.lines(seed: 41) { line in
            line.withUnsafeBufferPointer { buffer in
                for range in ranges {
                    for start in 0...line.count {
                        let plain = line[start...].firstIndex { !range.contains($0.value) } ?? line.count
                        #expect(ScalarSearch.firstOutside(range, in: buffer, from: start) == plain,
                                "\(line.map(\.value)) from \(start) outside \(range)")
                    }
                }
            }
        }
    }

    @Test func firstIndexAndFirstDigitAreThePlainLoops() {
        Self.lines(seed: 42) { line in
            line.withUnsafeBufferPointer { buffer in
                for start in 0...line.count {
                    let rest = line[start...]
                    #expect(ScalarSearch.firstIndex(of: "*", or: "_", in: buffer, from: start)
                            == rest.firstIndex { $0 == "*" || $0 == "_" } ?? line.count)
                    #expect(ScalarSearch.firstIndex(of: "\u{5355}", in: buffer, from: start)
                            == rest.firstIndex(of: "\u{5355}") ?? line.count)
                    #expect(ScalarSearch.firstDigit(in: buffer, from: start)
                            == rest.firstIndex { ScalarFolding.isDigit($0) } ?? line.count)
                    #expect(ScalarSearch.firstDigit(or: "\u{FF0C}", in: buffer, from: start)
                            == rest.firstIndex { ScalarFolding.isDigit($0) || $0 == "\u{FF0C}" } ?? line.count)
                }
            }
        }
    }
}
