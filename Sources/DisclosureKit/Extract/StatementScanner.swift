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
    /// The scalars that end a sentence or clause or may start a term: the scan stops only at
    /// these. One set, one load per scalar, where the ender, separator and term lookups were three.
    private let marks: ScalarSet

    init(dictionary: TermDictionary) {
        self.dictionary = dictionary
        marks = Self.marks(for: dictionary)
    }

    /// With the standard dictionary, whose marks are made once (a scanner is made per report).
    init() {
        dictionary = .standard
        marks = Self.standardMarks
    }

    private static let standardMarks = marks(for: .standard)

    private static func marks(for dictionary: TermDictionary) -> ScalarSet {
        ScalarSet(sentenceEnders.union(clauseSeparators).union(dictionary.terms.compactMap(\.text.first)))
    }

    private enum Event {
        case sentenceEnd(Int)
        case clauseEnd(Int)
        /// The term as its index in the dictionary's `terms`: an event without references is
        /// copied, and its array freed, without reference counting.
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

    /// The first offset at or after `i` whose scalar is one of `marks` (`s.count` if none is):
    /// every other scalar only moves the scan on.
    ///
    /// Apart from the loop that makes the events: inside it, the skip over the other scalars
    /// (most of a line) kept its values on the stack.
    @inline(never)
    private static func nextMark(_ s: UnsafeBufferPointer<Unicode.Scalar>, from i: Int, _ marks: ScalarSet) -> Int {
        var k = i
        while k < s.count, !marks.contains(s[k]) { k += 1 }
        return k
    }

    static func isSentenceEnder(_ c: Unicode.Scalar) -> Bool { enders.contains(c) }
    static func isClauseSeparator(_ c: Unicode.Scalar) -> Bool { separators.contains(c) }

    /// Statements of `line`; `lineIndex` numbers its sentences (`Observation.sentence`).
    func scan(_ line: LogicalLine, family: Metric.Family?, lineIndex: Int = 0) -> [Observation] {
        line.withView { scan($0, family: family, lineIndex: lineIndex) }
    }

    /// `scan` of a line read in place.
    func scan(_ line: LineView, family: Metric.Family?, lineIndex: Int = 0) -> [Observation] {
        let s = line.scalars
        // Every statement is bound to a number, and every number starts with a digit: most
        // narrative lines have none and state nothing.
        guard ScalarSearch.firstDigit(in: s, from: 0) < s.count else { return [] }
        var events: [Event] = []
        // Grown from empty, the array was copied several times per line.
        events.reserveCapacity(32)
        // Read once here: a static is checked for its first use at every access.
        let enders = Self.enders
        let separators = Self.separators
        var i = 0
        while true {
            i = Self.nextMark(s, from: i, marks)
            guard i < s.count else { break }
            let c = s[i]
            if enders.contains(c) {
                events.append(.sentenceEnd(i))
                i += 1
            } else if separators.contains(c)
                        && !(c == "," && i > 0 && i + 1 < s.count && ScalarFolding.isDigit(s[i - 1]) && ScalarFolding.isDigit(s[i + 1])) {
                events.append(.clauseEnd(i))
                i += 1
            } else if let t = dictionary.matchIndex(s, at: i) {
                let end = i + dictionary.terms[t].text.count
                events.append(.term(start: i, end: end, term: t, denominator: Self.followsShareWord(s, i)))
                i = end
            } else {
                i += 1
            }
        }
        // Every statement is bound to a label: the line's own, or one it gave an earlier figure.
        // A line without any states nothing, and its numbers need not be read.
        guard events.contains(where: { if case .term = $0 { true } else { false } }) else { return [] }
        // The numbers are taken in by position as the events are read (a number starts at a
        // digit or `-`, where no other event does): what sorting all events gave, without
        // sorting or a merged copy.
        let values = ValueToken.scan(s, in: 0..<s.count)

        var out: [Observation] = []
        var subject: (term: Term, start: Int)?
        var anchor = 0
        var sentenceStart = 0
        var neutral: [Range<Int>] = []
        // The denominator's range: its text is made only for a share that names it.
        var shareOf: Range<Int>?
        var clauseStart = 0
        // The latest snippet and label made: the figures of one sentence share them, and
        // making a string (encoding and validating its UTF-8) was most of a statement's cost.
        var lastSnippet: (range: Range<Int>, text: String)?
        var lastLabel: (range: Range<Int>, text: String)?
        var sentenceNumber = 0
        // The first figure (value or budget) of the line's latest sentence that has one, for a
        // following sentence that only states a change; `borrowed` is set while such a
        // sentence speaks of it.
        var latestFigure: (term: Term, label: String, sentence: Int)?
        var borrowed: (label: String, sentence: Int)?
        var nextEvent = 0
        var nextValue = 0
        while nextEvent < events.count || nextValue < values.count {
            let event: Event
            if nextValue < values.count, nextEvent == events.count || values[nextValue].range.lowerBound < events[nextEvent].position {
                event = .value(values[nextValue])
                nextValue += 1
            } else {
                event = events[nextEvent]
                nextEvent += 1
            }
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
                guard start >= anchor else { continue }
                if denominator {
                    neutral.append(start..<end)
                    shareOf = start..<end
                } else {
                    subject = (dictionary.terms[termIndex], start)
                    borrowed = nil
                    anchor = end
                    neutral = []
                    shareOf = nil
                }
            case .value(let v):
                guard v.range.lowerBound >= anchor else { continue }
                let sentenceID = lineIndex * 10_000 + min(sentenceNumber, 9_999)
                if subject == nil, let figure = latestFigure, figure.sentence != sentenceID,
                   ChangeWording.opensWithComparison(s, sentenceStart..<v.range.lowerBound) {
                    subject = (figure.term, sentenceStart)
                    borrowed = (figure.label, figure.sentence)
                }
                let gap = GapVocabulary.read(s, anchor..<v.range.lowerBound, skipping: neutral)
                defer { anchor = max(anchor, v.end) }
                // A label of an earlier clause carries over only through role words alone
                // (`，支出决算 0.97 万元`), not through other labels (`：办公费 20.95 万元`).
                let carried = (subject?.start ?? 0) < clauseStart
                let allowed = carried ? 0 : GapVocabulary.maxUnknown
                guard let subj = subject, gap.unknown <= allowed else {
                    if gap.unknown > allowed { subject = nil }
                    continue
                }
                guard let number = v.number else {
                    // A malformed number where a figure should be: the label binds nothing more.
                    subject = nil
                    continue
                }
                let role: Observation.Role
                var unit: AmountUnit?
                var amount: Amount?
                switch v.kind {
                case .amount(let u):
                    unit = u
                    amount = Amount(number, unit: u)
                    if amount == nil { continue }
                    if gap.hasChange { role = .change }
                    else if gap.lastRole == .budget { role = .budget }
                    else { role = .value }
                case .percent:
                    if gap.hasExecution { role = .execution }
                    else if gap.hasChange { role = .changePercent }
                    else { role = .share }
                case .bare, .malformed:
                    continue
                }
                let isChange = role == .change || role == .changePercent
                // A borrowed label states only the change of its figure.
                if borrowed != nil && !isChange { continue }
                let snippetRange = Self.sentenceRange(s, around: subj.start..<v.end, sentenceStart: sentenceStart)
                let label: String
                if let borrowed {
                    label = borrowed.label
                } else if let last = lastLabel, last.range == subj.start..<(subj.start + subj.term.text.count) {
                    label = last.text
                } else {
                    let range = subj.start..<(subj.start + subj.term.text.count)
                    label = line.text(range)
                    lastLabel = (range, label)
                }
                let snippet: String
                if let last = lastSnippet, last.range == snippetRange {
                    snippet = last.text
                } else {
                    snippet = Self.trimmedText(line, snippetRange)
                    lastSnippet = (snippetRange, snippet)
                }
                out.append(Observation(
                    metric: subj.term.metric, role: role, stated: number, unit: unit, amount: amount,
                    line: line.line(at: v.range.lowerBound),
                    snippet: snippet,
                    place: subj.term.metric.metric.family == family ? .ownSection : .elsewhere,
                    label: label,
                    shareOf: role == .share ? shareOf.map { line.text($0) } : nil, labelRank: subj.term.rank, part: subj.term.part,
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
        return out
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
        var start = min(sentenceStart, span.lowerBound)
        let limit = 160
        // Past `reach` the end is cut below anyway, so the search for the sentence's end stops
        // there: a line of several MB without `。` was scanned to its end for every number.
        let reach = max(span.upperBound, start) + limit + 1
        var end = span.upperBound
        while end < s.count, end < reach, !isSentenceEnder(s[end]) { end += 1 }
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
            guard lo + 1 == hi || PlainScalar.isPlain(s[lo + 1]) else { return line.text(range).trimmingSpaces }
            lo += 1
        }
        while hi > lo, isTrimmed(s[hi - 1]) {
            guard hi - 1 == lo || PlainScalar.isPlain(s[hi - 2]) else { return line.text(range).trimmingSpaces }
            hi -= 1
        }
        return line.text(lo..<hi)
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
