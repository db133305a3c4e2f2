import Testing
@testable import DisclosureKit

/// `ScalarTrie` against the texts it is built from: every walk from the root along a string of
/// scalars ends where the texts say (at the first text equal to it, or at a node no text ends
/// at when the string only opens some, or nowhere when it opens none).
@Suite struct ScalarTrieTests {
    @Test func walksFindTheTextsThatEndAndOpen() {
        var random = SplitMix64(seed: 77)
        let pool: [Unicode.Scalar] = ["决", "算", "预", "政", "府", "采", "购", "a", "\u{10000}"]
        for _ in 0..<300 {
            // Short texts from a small pool: shared openings, texts inside texts, duplicates, empties.
            let texts = (0..<random.below(12)).map { _ in (0..<random.below(5)).map { _ in pool[random.below(pool.count)] } }
            let trie = ScalarTrie(texts)
            #expect(trie.firstScalars.map(\.scalar).sorted { $0.value < $1.value }
                    == Set(texts.compactMap(\.first)).sorted { $0.value < $1.value })
            trie.withView { view in
                for _ in 0..<40 {
                    let probe = (0..<random.below(6)).map { _ in pool[random.below(pool.count)] }
                    var node = 0
                    for s in probe where node >= 0 { node = view.child(of: view.nodes[node], on: s) }
                    let opens = texts.contains { $0.count >= probe.count && Array($0.prefix(probe.count)) == probe && !$0.isEmpty }
                    let ends = probe.isEmpty ? nil : texts.firstIndex(of: probe)
                    #expect((node >= 0) == (opens || probe.isEmpty), "\(probe) in \(texts)")
                    if node >= 0 { #expect(view.nodes[node].text == Int32(ends ?? -1), "\(probe) in \(texts)") }
                }
            }
        }
    }
}
