import Testing
@testable import DisclosureKit

/// `LinePhraseFinder` finds a phrase exactly when it is a run of one line's kept scalars:
/// compared with that definition (a plain search of each line) on random lines and phrases
/// from a small alphabet, so that windows, keys and prefixes collide often.
@Suite("LinePhraseFinder agrees with a search line by line")
struct LinePhraseFinderTests {
    /// Drops spaces, as `ContentsChecker` compacts the body.
    struct DropSpaces: LinePhraseFinder.Filter {
        func keeps(_ scalar: Unicode.Scalar) -> Bool { scalar != " " && scalar != "\u{3000}" }
    }

    /// Drops `、` and a `度` right after a kept `年`, as the loose comparison does: its state
    /// carries from scalar to scalar and across the line break it is told of.
    struct DropLoosely: LinePhraseFinder.Filter {
        var previous: Unicode.Scalar?
        mutating func keeps(_ scalar: Unicode.Scalar) -> Bool {
            if scalar == " " || scalar == "、" { return false }
            if scalar == "度", previous == "年" { return false }
            previous = scalar
            return true
        }
    }

    /// Scalars of the Basic Multilingual Plane and above it (U+1_51B5 and U+2_51B5 share their
    /// low sixteen bits with U+51B5: their keys collide and only the comparison tells).
    static let alphabet = Array("决算预算表年度、 \u{3000}收支总a1".unicodeScalars) + ["\u{151B5}", "\u{251B5}", "\u{51B5}"]

    static func randomLine(_ random: inout SplitMix64) -> [Unicode.Scalar] {
        (0..<random.below(24)).map { _ in alphabet[random.below(alphabet.count)] }
    }

    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The definition: each line's kept scalars (the filter told of each line break), searched
    /// for each phrase at every position.
    static func plain<F: LinePhraseFinder.Filter>(_ phrases: [[Unicode.Scalar]], _ lines: [[Unicode.Scalar]], _ filter: F) -> [Bool] {
        var filter = filter
        var kept: [[Unicode.Scalar]] = []
        for line in lines {
            kept.append(line.filter { filter.keeps($0) })
            _ = filter.keeps("\n")
        }
        return phrases.map { phrase in
            phrase.isEmpty || kept.contains { line in
                line.count >= phrase.count
                    && (0...(line.count - phrase.count)).contains { line[$0..<$0 + phrase.count].elementsEqual(phrase) }
            }
        }
    }

    static func check<F: LinePhraseFinder.Filter>(_ filter: F, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<600 {
            let lines = (0..<random.below(12)).map { _ in randomLine(&random) }
            var phrases: [[Unicode.Scalar]] = []
            for _ in 0..<(1 + random.below(30)) {
                if random.oneIn(2), let line = lines.randomElement(using: &random), !line.isEmpty {
                    // A piece of a line (found unless the filter dropped part of it).
                    let start = random.below(line.count)
                    let end = min(line.count, start + 1 + random.below(9))
                    phrases.append(Array(line[start..<end]).filter { $0 != " " && $0 != "\u{3000}" })
                } else {
                    phrases.append((0..<random.below(8)).map { _ in alphabet[random.below(alphabet.count)] })
                }
            }
            if random.oneIn(3) { phrases = phrases.filter { $0.count >= 4 } }
            let required = random.oneIn(2) ? phrases.count : random.below(phrases.count + 1)
            var finder = LinePhraseFinder(phrases, required: required)
            var f = filter
            for line in lines {
                finder.read(line, through: &f)
                _ = f.keeps("\n")
            }
            let expected = plain(phrases, lines, filter)
            let shown = phrases.map { string($0) }
            #expect(Array(finder.found[..<required]) == Array(expected[..<required]), "\(shown) in \(lines.map { string($0) })")
            #expect(finder.allFound == !expected[..<required].contains(false))
            if !finder.allFound {
                // Read to the end: the phrases after `required` are known too.
                #expect(finder.found == expected, "\(shown) in \(lines.map { string($0) })")
            }
            // The lines read in one call (the table copied out once, again after a find).
            var together = LinePhraseFinder(phrases, required: required)
            var g = filter
            together.read(lines: lines, through: &g)
            #expect(Array(together.found[..<required]) == Array(expected[..<required]), "\(shown) in \(lines.map { string($0) })")
            #expect(together.allFound == finder.allFound)
            if !together.allFound {
                #expect(together.found == expected, "\(shown) in \(lines.map { string($0) })")
            }
        }
    }

    @Test("phrases in lines without spaces")
    func compacted() { Self.check(DropSpaces(), seed: 21) }

    @Test("phrases in lines folded loosely, state carried across line breaks")
    func loosely() { Self.check(DropLoosely(), seed: 22) }

    @Test("a phrase stops being looked for once found; a repeated phrase is found with its twin")
    func repeated() {
        let phrase = Array("收入决算表".unicodeScalars)
        var finder = LinePhraseFinder([phrase, phrase, Array("支出决算表".unicodeScalars)])
        var filter = DropSpaces()
        finder.read(Array("一、收入 决算表".unicodeScalars), through: &filter)
        #expect(finder.found == [true, true, false])
        #expect(!finder.allFound)
        finder.read(Array("收入决算表，支出决算表".unicodeScalars), through: &filter)
        #expect(finder.found == [true, true, true])
        #expect(finder.allFound)
    }

    @Test("lines read together: the filter told of each break, the table fresh after a find")
    func together() {
        let phrases = ["度决算表", "收入决算表", "支出决算表"].map { Array($0.unicodeScalars) }
        var finder = LinePhraseFinder(phrases)
        var filter = DropLoosely()
        // 年 ends a line: the 度 that starts the next is not the 度 of 年度, and is read.
        let lines = ["收入年", "度决算表", "收入决算表", "收入 决算表", "支出决算表"].map { Array($0.unicodeScalars) }
        finder.read(lines: lines, through: &filter)
        #expect(finder.found == [true, true, true])
        #expect(finder.allFound)
    }

    @Test("many phrases sharing their windows")
    func crowded() {
        let phrases = (0..<600).map { Array("2024年度第\($0)项支出决算表".unicodeScalars) }
        var finder = LinePhraseFinder(phrases)
        var filter = DropSpaces()
        for line in ["2024年度第12项支出决算表", "见2024年度第599项支出决算表。", "2024年度第600项支出决算表"] {
            finder.read(Array(line.unicodeScalars), through: &filter)
        }
        #expect(finder.found.enumerated().filter(\.element).map(\.offset) == [12, 599])
    }
}
