/// Finds every statement of a metric in narrative text: label, role words, number, unit.
///
/// Works clause by clause (`，` `、` `：` split clauses, `。` `；` end sentences). A label binds
/// the numbers after it when only role words stand between them; a later clause of the
/// same sentence that opens with role words keeps the label:
/// `“三公”经费全年预算 0.98 万元，支出决算 0.97 万元，完成预算的 99.31%` gives a budget,
/// a value and an execution rate of `sangong_total`. A label right after `占` names the
/// denominator of a share (`占政府采购支出总额的98.69%`), not a new subject.
///
/// A sentence without a label that opens with a comparison (`…支出 0.97 万元。与上年决算相比，
/// 减少 0.01 万元，下降 1.02%`) gives the change statements of the line's latest figure, with
/// that figure's sentence (see `ChangeWording`); it gives nothing else.
struct StatementScanner: Sendable {
    let dictionary: TermDictionary

    init(dictionary: TermDictionary) {
        self.dictionary = dictionary
    }

    /// With the standard dictionary.
    init() {
        dictionary = .standard
    }

    /// A mark of a line the statement loop acts on.
    enum Event {
        case sentenceEnd(Int)
        case clauseEnd(Int)
        /// The term as its index in the dictionary's `terms`: an event without references is
        /// copied without reference counting.
        case term(start: Int, end: Int, term: Int, denominator: Bool)
        case value(ValueToken)

        var position: Int {
            switch self {
            case .sentenceEnd(let p), .clauseEnd(let p): return p
            case .term(let s, _, _, _): return s
            case .value(let v): return v.range.lowerBound
            }
        }
    }

    static let sentenceEnders: Set<Unicode.Scalar> = ["。", "！", "？", "；", ";", "!", "?"]
    static let clauseSeparators: Set<Unicode.Scalar> = ["，", "、", "：", ":", ","]
    /// The two sets, looked up at every scalar without hashing.
    private static let enders = ScalarSet(sentenceEnders)
    private static let separators = ScalarSet(clauseSeparators)
    /// Both: the marks the scan stops at between terms.
    private static let punctuation = ScalarSet(sentenceEnders.union(clauseSeparators))

    /// The first offset in `i..<end` whose scalar is one of `marks` (`end` if none is): every
    /// other scalar only moves the scan on.
    ///
    /// Apart from the loop that makes the events: inside it, the skip over the other scalars
    /// (most of a line) kept its values on the stack.
    @inline(never)
    private static func nextMark(_ s: UnsafeBufferPointer<Unicode.Scalar>, from i: Int, to end: Int, _ marks: ScalarSet) -> Int {
        var k = i
        while k < end, !marks.contains(s[k]) { k += 1 }
        return k
    }

    static func isSentenceEnder(_ c: Unicode.Scalar) -> Bool { enders.contains(c) }
    static func isClauseSeparator(_ c: Unicode.Scalar) -> Bool { separators.contains(c) }

    /// The sets an `EventReader` looks scalars up in, read from the statics once per line (a
    /// static is checked for its first use at every access).
    private struct MarkSets {
        let punctuation: ScalarSet
        let enders: ScalarSet
        let separators: ScalarSet
    }

    /// A line's sentence ends, clause ends and terms in order, made as the statement loop asks
    /// for them: an array of them per line (and its growth on long lines) cost a tenth of the scan.
    ///
    /// What reading every place gave: a mark ends a sentence or clause, and any other place
    /// where a term matches starts a term, read to its end. Here the marks are looked for up to
    /// the next term's start, which the dictionary's skip search finds (again past each term);
    /// a mark at that start is read as a mark, as it was, and the next term is looked for
    /// after it. The term-starting scalars the scan stopped at, a match tried at each, were most
    /// of its cost.
    private struct EventReader {
        let s: UnsafeBufferPointer<Unicode.Scalar>
        /// Terms are looked for only before this place (`scan`'s `bound`): one at or after it
        /// would be read after the line's last statement.
        let bound: Int
        /// The first place before `bound`, at or after `i`, where a term matches, and the term;
        /// nil when none does.
        var nextTerm: (start: Int, term: Int)?
        var i = 0

        /// The next event, nil past the last.
        mutating func next(_ dictionary: TermDictionary, _ sets: MarkSets) -> Event? {
            while true {
                let limit = nextTerm?.start ?? s.count
                let k = StatementScanner.nextMark(s, from: i, to: min(limit + 1, s.count), sets.punctuation)
                if k < s.count, k <= limit {
                    let c = s[k]
                    let ender = sets.enders.contains(c)
                    // A comma between digits (`1,234`) ends nothing.
                    if ender || !(c == "," && k > 0 && k + 1 < s.count && ScalarFolding.isDigit(s[k - 1]) && ScalarFolding.isDigit(s[k + 1])) {
                        i = k + 1
                        if k == limit { nextTerm = dictionary.firstMatch(s, from: i, before: bound) }
                        return ender ? .sentenceEnd(k) : .clauseEnd(k)
                    }
                    if k < limit {
                        i = k + 1
                        continue
                    }
                    // A comma between digits where a term starts: the term is read.
                }
                guard let term = nextTerm else {
                    i = s.count
                    return nil
                }
                i = term.start + dictionary.lengths[term.term]
                nextTerm = dictionary.firstMatch(s, from: i, before: bound)
                return .term(start: term.start, end: i, term: term.term, denominator: StatementScanner.followsShareWord(s, term.start))
            }
        }
    }

    /// Statements of `line`; `lineIndex` numbers its sentences (`Observation.sentence`).
    func scan(_ line: LogicalLine, family: Metric.Family?, lineIndex: Int = 0) -> [Observation] {
        line.withView { scan($0, family: family, lineIndex: lineIndex) }
    }

    /// `scan` of a line read in place.
    func scan(_ line: LineView, family: Metric.Family?, lineIndex: Int = 0) -> [Observation] {
        var out: [Observation] = []
        scan(line, family: family, lineIndex: lineIndex, into: &out)
        return out
    }

    /// `scan`, appending to `out`: a report's statements go into one array, not through an
    /// array per line whose statements (four strings each) were copied and then freed.
    /// Not inlined into the report's loop: a profile shows the scanner as one function.
    @inline(never)
    func scan(_ line: LineView, family: Metric.Family?, lineIndex: Int = 0, into out: inout [Observation]) {
        let s = line.scalars
        // Every statement is bound to a number, and every number has a digit: most narrative
        // lines have none and state nothing.
        let digit = ScalarSearch.firstDigit(in: s, from: 0)
        guard digit < s.count else { return }
        // Every statement is an amount or a percentage: a number with `万`, `元` or `%` after
        // its digits. The last such unit after the first digit bounds the line's statements; a
        // line with none (a year, a count) states nothing.
        let bound = Self.lastUnit(in: s, after: digit)
        guard bound >= 0 else { return }
        // Every statement is bound to a label before its number: the line's own, or one it gave
        // an earlier figure. A line without any states nothing, and is read no further than the
        // search for one.
        guard let first = dictionary.firstMatch(s, from: 0, before: bound) else { return }
        let sets = MarkSets(punctuation: Self.punctuation, enders: Self.enders, separators: Self.separators)
        var events = EventReader(s: s, bound: bound, nextTerm: first)
        // The numbers are taken in by position as the events are read (a number starts at a
        // digit or `-`, where no other event does): what sorting all events gave, without
        // sorting or a merged copy.
        var values = ValueToken.Reader(s, in: 0..<s.count)
        var pendingEvent = events.next(dictionary, sets)
        var pendingValue = values.next()
        var reading = LineReading(line, family: family, lineIndex: lineIndex)
        // A number that starts after the last unit has none, and states nothing; nor does any
        // event after the last number that may (events only set up the numbers after them).
        while let v = pendingValue, v.range.lowerBound < bound {
            if let e = pendingEvent, e.position <= v.range.lowerBound {
                reading.take(e, dictionary, into: &out)
                pendingEvent = events.next(dictionary, sets)
            } else {
                reading.take(.value(v), dictionary, into: &out)
                pendingValue = values.next()
            }
        }
    }

    /// The offset of the last `万`, `元` or `%` in `s` after offset `lower`, -1 if there is none:
    /// the scalars a unit of a statement starts with (`ValueToken`).
    static func lastUnit(in s: UnsafeBufferPointer<Unicode.Scalar>, after lower: Int) -> Int {
        ScalarSearch.lastIndex(of: "万", or: "元", or: "%", in: s, after: lower)
    }

    /// One line's statements, taken event by event in order of position: the statement loop,
    /// apart from how its events are found (`scan` finds them one at a time; a test holds that
    /// to finding them all first).
    struct LineReading {
        private let line: LineView
        private let family: Metric.Family?
        private let lineIndex: Int
        // The subject's term as its index in the dictionary: copying a `Term` retained its
        // three references.
        private var subject: (term: Int, start: Int)?
        private var anchor = 0
        private var sentenceStart = 0
        private var neutral: [Range<Int>] = []
        // The denominator's term: its text (the label's) is taken only for a share that names it.
        private var shareOf: Int?
        private var clauseStart = 0
        // The latest snippet made: the figures of one sentence share it, and making a string
        // (encoding and validating its UTF-8) was most of a statement's cost.
        private var lastSnippet: (range: Range<Int>, text: String)?
        private var sentenceNumber = 0
        private var sentenceEnds = SentenceEnds()
        // The first figure (value or budget) of the line's latest sentence that has one, for a
        // following sentence that only states a change; `borrowed` is set while such a
        // sentence speaks of it.
        private var latestFigure: (term: Int, label: String, sentence: Int)?
        private var borrowed: (label: String, sentence: Int)?

        init(_ line: LineView, family: Metric.Family?, lineIndex: Int) {
            self.line = line
            self.family = family
            self.lineIndex = lineIndex
        }

        /// Takes the next event of the line; a statement it completes is appended to `out`.
        mutating func take(_ event: Event, _ dictionary: TermDictionary, into out: inout [Observation]) {
            let s = line.scalars
            switch event {
            case .sentenceEnd(let p):
                subject = nil
                borrowed = nil
                anchor = p + 1
                sentenceStart = p + 1
                clauseStart = p + 1
                sentenceNumber += 1
                neutral = []
                shareOf = nil
            case .clauseEnd(let p):
                anchor = p + 1
                clauseStart = p + 1
                neutral = []
                shareOf = nil
            case .term(let start, let end, let termIndex, let denominator):
                guard start >= anchor else { return }
                if denominator {
                    neutral.append(start..<end)
                    shareOf = termIndex
                } else {
                    subject = (termIndex, start)
                    borrowed = nil
                    anchor = end
                    neutral = []
                    shareOf = nil
                }
            case .value(let v):
                guard v.range.lowerBound >= anchor else { return }
                let sentenceID = lineIndex * 10_000 + min(sentenceNumber, 9_999)
                if subject == nil, let figure = latestFigure, figure.sentence != sentenceID,
                   ChangeWording.opensWithComparison(s, sentenceStart..<v.range.lowerBound) {
                    subject = (figure.term, sentenceStart)
                    borrowed = (figure.label, figure.sentence)
                }
                defer { anchor = max(anchor, v.end) }
                // A number without a subject binds nothing, whatever its gap holds: the gap is
                // read only for a number that has one.
                guard let subj = subject else { return }
                let gap = GapVocabulary.read(s, anchor..<v.range.lowerBound, skipping: neutral)
                // A label of an earlier clause carries over only through role words alone
                // (`，支出决算 0.97 万元`), not through other labels (`：办公费 20.95 万元`).
                let carried = subj.start < clauseStart
                let allowed = carried ? 0 : GapVocabulary.maxUnknown
                guard gap.unknown <= allowed else {
                    subject = nil
                    return
                }
                guard let number = v.number(in: s) else {
                    // A malformed number where a figure should be: the label binds nothing more.
                    subject = nil
                    return
                }
                let role: Observation.Role
                var unit: AmountUnit?
                var amount: Amount?
                switch v.unit {
                case .amount(let u):
                    unit = u
                    amount = Amount(number, unit: u)
                    if amount == nil { return }
                    if gap.hasChange { role = .change }
                    else if gap.lastRole == .budget { role = .budget }
                    else { role = .value }
                case .percent:
                    if gap.hasExecution { role = .execution }
                    else if gap.hasChange { role = .changePercent }
                    else { role = .share }
                case .bare, .malformed:
                    return
                }
                let isChange = role == .change || role == .changePercent
                // A borrowed label states only the change of its figure.
                if borrowed != nil && !isChange { return }
                let snippetRange = StatementScanner.sentenceRange(s, around: subj.start..<v.end, sentenceStart: sentenceStart, ends: &sentenceEnds)
                // The label is the matched text, which is the term's own: its string is made once,
                // by the dictionary.
                let label = borrowed?.label ?? dictionary.labels[subj.term]
                let snippet: String
                if let last = lastSnippet, last.range == snippetRange {
                    snippet = last.text
                } else {
                    snippet = StatementScanner.trimmedText(line, snippetRange)
                    lastSnippet = (snippetRange, snippet)
                }
                let metric = dictionary.terms[subj.term].metric
                // Room for a report's statements from its first: growing the array from one
                // statement (copying, allocating and freeing at each doubling) was a twentieth
                // of taking them.
                if out.capacity == 0 { out.reserveCapacity(64) }
                out.append(Observation(
                    metric: metric, role: role, stated: number, unit: unit, amount: amount,
                    line: line.line(at: v.range.lowerBound),
                    snippet: snippet,
                    place: metric.metric.family == family ? .ownSection : .elsewhere,
                    label: label,
                    shareOf: role == .share ? shareOf.map { dictionary.labels[$0] } : nil,
                    labelRank: dictionary.terms[subj.term].rank, part: dictionary.terms[subj.term].part,
                    sentence: borrowed?.sentence ?? sentenceID,
                    direction: isChange ? ChangeWording.direction(s, anchor..<v.range.lowerBound) : nil))
                // The first figure of a sentence is what a following comparison speaks of: in
                // `机关运行经费预算支出 69.74 万元，主要包括：办公费…、公务接待费 2 万元。与上年相比
                // 增加 13.06 万元` the change is 机关运行经费's, not the last item's.
                if (role == .value || role == .budget) && latestFigure?.sentence != sentenceID {
                    latestFigure = (subj.term, label, sentenceID)
                }
            }
        }
    }

    /// True when `占` (optionally with `本年`) stands right before `i`.
    static func followsShareWord(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, ScalarFolding.isSpace(s[k]) { k -= 1 }
        if k >= 0, s[k] == "占" { return true }
        if k >= 2, s[k] == "年", s[k - 1] == "本", s[k - 2] == "占" { return true }
        if k >= 2, s[k] == "部", s[k - 1] == "全", s[k - 2] == "占" { return true }
        return false
    }

    /// The sentence around `span`, at most 160 scalars, cut around the span when longer; a span
    /// itself longer than that (a label carried through many clauses) keeps its last 160.
    static func sentenceRange(_ s: [Unicode.Scalar], around span: Range<Int>, sentenceStart: Int) -> Range<Int> {
        s.withUnsafeBufferPointer { sentenceRange($0, around: span, sentenceStart: sentenceStart) }
    }

    static func sentenceRange(_ s: UnsafeBufferPointer<Unicode.Scalar>, around span: Range<Int>, sentenceStart: Int) -> Range<Int> {
        let start = min(sentenceStart, span.lowerBound)
        // Past `reach` the end is cut below anyway, so the search for the sentence's end stops
        // there: a line of several MB without `。` was scanned to its end for every number.
        let reach = max(span.upperBound, start) + 161
        var end = span.upperBound
        // Read once: a static is checked for its first use at every access.
        let enders = Self.enders
        while end < s.count, end < reach, !enders.contains(s[end]) { end += 1 }
        return cut(s, around: span, start: start, end: end, reach: reach)
    }

    /// Where a line's next sentence end stands, kept from one statement to the next: no scalar
    /// of `s[from..<ender]` ends a sentence, and `ender` is one that does or the line's end.
    ///
    /// The figures of one sentence (half of them share it with another) looked for its end
    /// each, over the same scalars; their spans end further on as the line is read, so each
    /// scalar is looked at once per line, however long it is without an end.
    struct SentenceEnds {
        private var from = 0
        private var ender = -1

        /// The first offset at or after `i` (within `s`) whose scalar ends a sentence, or `s.count`.
        mutating func first(in s: UnsafeBufferPointer<Unicode.Scalar>, from i: Int) -> Int {
            if from <= i && i <= ender { return ender }
            let enders = StatementScanner.enders
            var k = i
            // Eight at a step up to the step that holds an end (a sentence is mostly ideographs).
            if k >= 0, let base = s.baseAddress {
                let raw = UnsafeRawPointer(base)
                while k &+ 8 <= s.count {
                    let v = raw.loadUnaligned(fromByteOffset: k &* 4, as: SIMD8<UInt32>.self)
                    if any(Self.endsSentence(v)) { break }
                    k &+= 8
                }
            }
            while k < s.count, !enders.contains(s[k]) { k += 1 }
            from = i
            ender = k
            return k
        }

        /// The lanes of `v` that are one of `sentenceEnders` (`。！？；;!?`), exactly: a full-width
        /// form less 0xFEE0 is its ASCII one (`！` → `!`), and the smaller of a scalar and that
        /// difference (which wraps to a large value below U+FEE0) is compared with the three
        /// ASCII ends, the scalar itself with `。`.
        @inline(__always)
        static func endsSentence(_ v: SIMD8<UInt32>) -> SIMDMask<SIMD8<Int32>> {
            let folded = pointwiseMin(v, v &- SIMD8(repeating: 0xFEE0))
            return (folded .== SIMD8(repeating: 0x21)) .| (folded .== SIMD8(repeating: 0x3B))
                .| (folded .== SIMD8(repeating: 0x3F)) .| (v .== SIMD8(repeating: 0x3002))
        }
    }

    /// `sentenceRange`, its end found through `ends`.
    static func sentenceRange(_ s: UnsafeBufferPointer<Unicode.Scalar>, around span: Range<Int>, sentenceStart: Int,
                              ends: inout SentenceEnds) -> Range<Int> {
        let start = min(sentenceStart, span.lowerBound)
        let reach = max(span.upperBound, start) + 161
        // The scan of `sentenceRange` stops at the first sentence end, the line's end or `reach`.
        let end = min(ends.first(in: s, from: span.upperBound), reach)
        return cut(s, around: span, start: start, end: end, reach: reach)
    }

    /// The sentence `start..<end` (`end` where the search for its end stopped, at a sentence end,
    /// the line's end or `reach`), that end included, cut to at most 160 scalars around `span`.
    @inline(__always)
    private static func cut(_ s: UnsafeBufferPointer<Unicode.Scalar>, around span: Range<Int>, start: Int, end: Int, reach: Int) -> Range<Int> {
        var start = start
        var end = end
        let limit = 160
        if end < s.count, end < reach { end += 1 }
        if end - start > limit {
            start = max(start, span.lowerBound - 40)
            // Bounded snippets: a label bound to every number of a line of several MB made each
            // snippet as long as the line.
            if span.count > limit { start = max(start, span.upperBound - limit) }
            end = min(end, max(span.upperBound + 40, start + limit))
        }
        return start..<end
    }
}

extension StatementScanner {
    /// `line.text(range).trimmingSpaces`, trimmed on the scalars before the string is made.
    ///
    /// A space, tab or ideographic space next to a plain scalar (`PlainScalar`) is a character
    /// of its own, so it is trimmed as a scalar; next to any other scalar (a combining mark may
    /// make it part of a longer character) the string is trimmed by characters, as before.
    /// Trimming each snippet's string by characters cost more than the rest of its making.
    static func trimmedText(_ line: LineView, _ range: Range<Int>) -> String {
        let s = line.scalars
        var lo = max(0, min(range.lowerBound, s.count))
        var hi = max(lo, min(range.upperBound, s.count))
        func isTrimmed(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\u{3000}" }
        while lo < hi, isTrimmed(s[lo]) {
            guard lo + 1 == hi || PlainScalar.isPlain(s[lo + 1]) else { return ScalarString.make(s, range).trimmingSpaces }
            lo += 1
        }
        while hi > lo, isTrimmed(s[hi - 1]) {
            guard hi - 1 == lo || PlainScalar.isPlain(s[hi - 2]) else { return ScalarString.make(s, range).trimmingSpaces }
            hi -= 1
        }
        return ScalarString.make(s, lo..<hi)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\u{3000}" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\u{3000}" { s = s.dropLast() }
        return String(s)
    }
}
