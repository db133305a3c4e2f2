/// The words that may stand between a label and its number, and what they say about it.
///
/// In `公务接待费全年预算 0.98 万元` the gap `全年预算` makes the number a budget; in
/// `公务用车运行维护费支出较上年减少-0.32 万元` the gap ends with `减少`: a change. A gap
/// holding other words (`…项目支出全面开展绩效自评，其中一级项目 44 个`) binds nothing.
enum GapVocabulary {
    enum Cue: Sendable {
        case value, budget, change, share, execution, filler
    }

    /// Unknown scalars a gap may hold and still bind a label to its number.
    static let maxUnknown = 3

    struct Reading {
        var unknown = 0
        var lastRole: Cue?
        var hasChange = false
        var hasShare = false
        var hasExecution = false
        var hasBudget = false
    }

    /// The words, each with what it says.
    static let vocabulary: [(String, Cue)] = [
        ("与上年决算相比", .change), ("与上年预算相比", .change), ("与上年相比", .change), ("与上年度相比", .change),
        ("比上年决算", .change), ("比上年预算", .change), ("比上年", .change), ("较上年", .change), ("比去年", .change),
        ("较去年", .change), ("同比", .change), ("上年", .change), ("增加", .change), ("减少", .change), ("增长", .change),
        ("下降", .change), ("上升", .change), ("降低", .change), ("减", .change), ("增", .change), ("比", .change), ("较", .change), ("相比", .change), ("和", .filler),
        ("完成全年预算的", .execution), ("完成年初预算的", .execution), ("完成预算的", .execution), ("预算执行率", .execution),
        ("执行率", .execution), ("完成", .execution),
        ("全年预算数", .budget), ("年初预算数", .budget), ("调整预算", .budget), ("全年预算", .budget), ("年初预算", .budget),
        ("预算数", .budget), ("预算", .budget),
        ("支出决算数", .value), ("支出决算", .value), ("决算数", .value), ("决算", .value), ("实际支出", .value),
        ("支出", .value), ("执行数", .value), ("实际", .value), ("合计", .value), ("总额", .value), ("小计", .value),
        ("占比", .share), ("占", .share), ("比重", .share),
        ("一般公共预算", .filler), ("财政拨款", .filler), ("拨款", .filler), ("安排的", .filler), ("安排", .filler),
        ("本年度", .filler), ("本年", .filler), ("当年", .filler), ("年度", .filler), ("共计", .filler), ("累计", .filler),
        ("合同", .filler), ("金额", .filler), ("经费", .filler), ("资金", .filler), ("情况", .filler), ("其中", .filler),
        ("达到", .filler), ("为", .filler), ("是", .filler), ("的", .filler), ("共", .filler), ("计", .filler),
        ("达", .filler), ("了", .filler), ("约", .filler), ("费", .filler), ("数", .filler), ("各", .filler),
        ("（", .filler), ("）", .filler), ("(", .filler), (")", .filler), ("“", .filler), ("”", .filler), ("\"", .filler),
        ("*", .filler), ("-", .filler), ("年", .filler),
    ]

    /// The words by first scalar, longest first, laid out flat: every gap of every statement
    /// looks scalars up here, and a list of `([Unicode.Scalar], Cue)` pairs retained each word's
    /// array as it was tried. A class, so that taking it for a gap is one reference.
    private final class Table: Sendable {
        /// The list of a scalar is `lists[Int(firstScalars[scalar]) - 1]` (none when 0).
        let firstScalars: ScalarMap
        /// Each list as a range of `words`.
        let lists: [Range<Int>]
        /// Each word: its scalars (`scalars[start..<end]`) and cue.
        let words: [Word]
        let scalars: [Unicode.Scalar]

        /// A struct, not a tuple: the type of an array of tuples is made at run time, which a
        /// one-report run pays for at start.
        struct Word: Sendable {
            let start: Int
            let end: Int
            let cue: Cue
        }

        init(_ vocabulary: [(String, Cue)]) {
            var firstScalars = ScalarMap()
            var byFirst: [[([Unicode.Scalar], Cue)]] = []
            for (w, c) in vocabulary {
                let s = Array(w.unicodeScalars)
                guard let f = s.first else { continue }
                if firstScalars[f] == 0 {
                    byFirst.append([])
                    firstScalars[f] = UInt32(byFirst.count)
                }
                byFirst[Int(firstScalars[f]) - 1].append((s, c))
            }
            for k in byFirst.indices { byFirst[k].sort { $0.0.count > $1.0.count } }
            var lists: [Range<Int>] = []
            var words: [Word] = []
            var scalars: [Unicode.Scalar] = []
            for list in byFirst {
                let first = words.count
                for (w, cue) in list {
                    words.append(Word(start: scalars.count, end: scalars.count + w.count, cue: cue))
                    scalars += w
                }
                lists.append(first..<words.count)
            }
            self.firstScalars = firstScalars
            self.lists = lists
            self.words = words
            self.scalars = scalars
        }
    }

    private static let table = Table(vocabulary)

    /// Reads `s[range]` word by word, longest match first; digits and spaces are neutral.
    ///
    /// `neutral` (share denominators such as `占项目支出`) must be ascending and disjoint, as the
    /// scanner finds them; they are looked up by binary search and then walked in step with
    /// the gap, so a clause with thousands of them stays linear.
    static func read(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, skipping neutral: [Range<Int>] = []) -> Reading {
        var r = Reading()
        var i = max(0, range.lowerBound)
        let upper = min(range.upperBound, s.count)
        guard i < upper else { return r }
        // Taken once: a static is checked for its first use at every access.
        let table = Self.table
        // The first neutral range that ends after `i`.
        var n = firstRange(in: neutral, endingAfter: i)
        while i < upper {
            while n < neutral.count, neutral[n].upperBound <= i { n += 1 }
            if n < neutral.count, neutral[n].contains(i) {
                r.hasShare = true
                r.lastRole = .share
                i = neutral[n].upperBound
                continue
            }
            let c = s[i]
            if ScalarFolding.isSpace(c) || ScalarFolding.isDigit(c) || c == "." {
                i += 1
                continue
            }
            var matched = false
            let slot = Int(table.firstScalars[c])
            if slot > 0 {
                for word in table.words[table.lists[slot - 1]] {
                    let count = word.end - word.start
                    guard i + count <= upper else { continue }
                    // The first scalar is equal: it chose the list.
                    var k = 1
                    while k < count, s[i + k] == table.scalars[word.start + k] { k += 1 }
                    guard k == count else { continue }
                    switch word.cue {
                    case .change: r.hasChange = true; r.lastRole = .change
                    case .budget: r.hasBudget = true; r.lastRole = .budget
                    case .execution: r.hasExecution = true; r.lastRole = .execution
                    case .share: r.hasShare = true; r.lastRole = .share
                    case .value: r.lastRole = r.lastRole == .budget && count <= 2 ? .budget : .value
                    case .filler: break
                    }
                    i += count
                    matched = true
                    break
                }
            }
            if !matched {
                r.unknown += 1
                i += 1
            }
        }
        return r
    }

    /// The index of the first of the ascending `ranges` whose upper bound is after `i`.
    static func firstRange(in ranges: [Range<Int>], endingAfter i: Int) -> Int {
        var lo = 0
        var hi = ranges.count
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if ranges[mid].upperBound <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
