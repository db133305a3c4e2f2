/// The words of a year-on-year change statement: which way it goes, and whether a sentence
/// opens with nothing but a comparison.
///
/// `与上年决算相比，减少 0.01 万元，下降 1.02%` — the word right before each number gives
/// the direction (`减少`, `下降`: a decrease), and the sentence, having no label of its own,
/// opens with a comparison: it speaks of the figure stated just before it
/// (`3. 公务接待费支出 0.97 万元。其中：…。与上年决算相比，减少 0.01 万元`).
enum ChangeWording {
    /// Words that say a figure went up; `增` alone too (`比上年增 5 万元`).
    static let increaseWords = ["增加", "增长", "上升", "提高", "增"]
    /// Words that say a figure went down; `减` alone too (`较上年减 0.3 万元`).
    static let decreaseWords = ["减少", "下降", "降低", "压减", "减"]

    private static let words: [([Unicode.Scalar], Observation.Direction)] = {
        let all = increaseWords.map { (Array($0.unicodeScalars), Observation.Direction.increase) }
            + decreaseWords.map { (Array($0.unicodeScalars), Observation.Direction.decrease) }
        return all.sorted { $0.0.count > $1.0.count }
    }()

    /// The scalars the words start with: a place whose scalar is none of them is passed over
    /// without the words being compared there (a slice compared with each word was most of it).
    private static let firstScalars = ScalarSet(words.compactMap { $0.0.first })

    /// The direction of the last direction word in `s[range]` (the gap before a number):
    /// `与上年决算相比，增加` → `.increase`; nil when the gap has none.
    static func direction(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> Observation.Direction? {
        let lower = max(0, range.lowerBound)
        let upper = min(range.upperBound, s.count)
        var found: Observation.Direction?
        var i = lower
        // Read once: a static is checked for its first use at every access.
        let firstScalars = Self.firstScalars
        while i < upper {
            guard firstScalars.contains(s[i]) else {
                i += 1
                continue
            }
            var step = 1
            for (word, direction) in words where i + word.count <= upper && s[i..<(i + word.count)].elementsEqual(word) {
                found = direction
                step = word.count
                break
            }
            i += step
        }
        return found
    }

    /// The longest sentence opening read as a comparison: `与上年度决算数相比，收、支总计各减少`
    /// is 20 scalars; 32 leaves room for spaces and a year.
    static let maxOpening = 32

    /// Whether `s[range]` — a sentence from its start up to its first number — holds only
    /// comparison and role words (clause marks, spaces and digits aside) and at least one
    /// change word: `与上年决算相比，减少`, `比上年决算相比，增加`, `比2023年减少`. An opening
    /// longer than `maxOpening` scalars is prose, not a comparison, and is not read at all.
    static func opensWithComparison(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> Bool {
        let lower = max(0, range.lowerBound)
        let upper = min(range.upperBound, s.count)
        guard lower < upper, upper - lower <= maxOpening else { return false }
        var hasChange = false
        var pieceStart = lower
        var i = lower
        while i <= upper {
            if i == upper || StatementScanner.isClauseSeparator(s[i]) {
                let reading = GapVocabulary.read(s, pieceStart..<i)
                if reading.unknown > 0 || reading.hasShare || reading.hasExecution { return false }
                hasChange = hasChange || reading.hasChange
                pieceStart = i + 1
            }
            i += 1
        }
        return hasChange
    }
}
