/// A seeded xorshift64* generator: the generated inputs of these tests are the same on every run.
struct TestRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed | 1 }

    /// A number in 0 ..< n (0 when n ≤ 0).
    mutating func below(_ n: Int) -> Int {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        let value = state &* 0x2545_F491_4F6C_DD1D
        return n <= 0 ? 0 : Int(value >> 1) % n
    }

    /// `count` elements of `pieces`, chosen at random and joined.
    mutating func text(from pieces: [String], count: Int) -> String {
        (0..<count).map { _ in pieces[below(pieces.count)] }.joined()
    }
}
