/// How much of what its kind of report must disclose a report does disclose.
///
/// Items: every catalog figure a report of its kind states (17 for final accounts; 14 for a
/// budget, which has no 三公 budget and no awarded contracts), the template's narrative
/// sections for the four metric families plus 国有资产占用 and 预算绩效, and the template's
/// tables. Score = disclosed / required × 100, rounded half-up.
public struct Completeness: Sendable, Hashable {
    public let score: Int
    public let disclosed: Int
    public let required: Int
    /// IDs of what is missing: metric IDs, `section:…`, `table:…`.
    public let missing: [String]

    public init(score: Int, disclosed: Int, required: Int, missing: [String]) {
        self.score = score
        self.disclosed = disclosed
        self.required = required
        self.missing = missing
    }
}

/// Scores `Completeness` from figures, headings and table titles.
struct CompletenessScorer: Sendable {
    /// Sections by ID and the words a heading must contain (any of them).
    static let sections: [(id: String, words: [String])] = [
        ("section:expenditure", ["支出决算情况说明", "支出预算情况说明", "支出情况说明"]),
        ("section:sangong", ["三公"]),
        ("section:admin", ["机关运行经费", "机构运行经费"]),
        ("section:procurement", ["政府采购"]),
        ("section:assets", ["国有资产"]),
        ("section:performance", ["绩效"]),
    ]

    /// The template's tables by kind: ID and the title's ending.
    static func tables(_ kind: ReportKind?) -> [(id: String, title: String)] {
        if kind == .budget {
            return [
                ("table:overview", "收支总表"), ("table:income", "收入总表"), ("table:expenditure", "支出总表"),
                ("table:appropriation", "财政拨款收支总表"), ("table:general", "一般公共预算支出表"),
                ("table:basic", "一般公共预算基本支出表"), ("table:sangong", "三公”经费支出表"),
                ("table:fund", "政府性基金预算支出表"), ("table:capital", "国有资本经营预算支出表"),
                ("table:project", "项目支出表"), ("table:procurement", "政府采购预算表"),
            ]
        }
        return [
            ("table:overview", "收入支出决算总表"), ("table:income", "收入决算表"), ("table:expenditure", "支出决算表"),
            ("table:appropriation", "财政拨款收入支出决算总表"), ("table:general", "一般公共预算财政拨款支出决算表"),
            ("table:basic", "基本支出决算明细表"), ("table:fund", "政府性基金预算财政拨款收入支出决算表"),
            ("table:capital", "国有资本经营预算财政拨款支出决算表"), ("table:sangong", "三公”经费支出决算表"),
        ]
    }

    /// Each section's words as scalars, made once (not per report).
    private static let sectionWords: [[[Unicode.Scalar]]] = sections.map { $0.words.map { Array($0.unicodeScalars) } }

    /// `tables(kind)` longest title first, sorted once: counting the titles' characters for
    /// every report's sort cost more than the rest of the score.
    private static let budgetTablesLongestFirst = tables(.budget).sorted { $0.title.count > $1.title.count }
    private static let finalTablesLongestFirst = tables(.final).sorted { $0.title.count > $1.title.count }

    func score(figures: [Figure], text: NormalizedText, contexts: [LineContext], kind: ReportKind?) -> Completeness {
        text.withLines { score(figures: figures, lines: $0, contexts: contexts, kind: kind) }
    }

    func score(figures: [Figure], lines: NormalizedText.Lines, contexts: [LineContext], kind: ReportKind?) -> Completeness {
        var missing: [String] = []
        var required = 0
        let notInBudgets: Set<MetricID> = [.sangongBudget, .procurementSME, .procurementSmallMicro]
        for f in figures where f.metric.metric.origin == .reported {
            if kind == .budget && notInBudgets.contains(f.metric) { continue }
            required += 1
            if !f.isDisclosed { missing.append(f.metric.rawValue) }
        }
        // Headings as their lines: a word is in a heading's text exactly when its scalars are in them.
        var headings: [Int] = []
        var titles: [(String, Int)] = []
        for index in 0..<min(lines.count, contexts.count) where !contexts[index].inContents {
            let kind = contexts[index].kind
            if case .heading = kind { headings.append(index) }
            // Only a line ending in 表 can be a table's title.
            if kind != .tableRow, lines[index].scalars.last(where: { !ScalarFolding.isSpace($0) && !ScalarFolding.isDigit($0) }) == "表" {
                let t = ContentsChecker.title(of: lines[index].scalars)
                if t.hasSuffix("表"), t.count <= 40 { titles.append((t, index)) }
            }
        }
        for (s, words) in zip(Self.sections, Self.sectionWords) {
            required += 1
            if !headings.contains(where: { h in words.contains { Self.contains(lines[h].scalars, $0) } }) { missing.append(s.id) }
        }
        // A table is present when a title line ends with its name (the longest name that
        // fits wins) and tab-separated rows follow within a few lines.
        let tables = kind == .budget ? Self.budgetTablesLongestFirst : Self.finalTablesLongestFirst
        var present: Set<String> = []
        for (title, index) in titles {
            // A plain title (nearly all; the tables' names are plain) ends with a name exactly
            // when its UTF-8 does (see `PlainScalar`): compared by bytes, not by characters
            // read backwards, which cost more than the rest of the score.
            let endsWith: (String) -> Bool = PlainScalar.isPlain(title.unicodeScalars)
                ? { name in title.utf8.count >= name.utf8.count && title.utf8.reversed().starts(with: name.utf8.reversed()) }
                : { name in title.hasSuffix(name) }
            guard let t = tables.first(where: { endsWith($0.title) }) else { continue }
            let following = contexts[(index + 1)..<min(contexts.count, index + 10)]
            if following.contains(where: { $0.kind == .tableRow }) { present.insert(t.id) }
        }
        for t in Self.tables(kind) {
            required += 1
            if !present.contains(t.id) { missing.append(t.id) }
        }
        let disclosed = required - missing.count
        let score = required == 0 ? 0 : (disclosed * 200 + required) / (2 * required)
        return Completeness(score: score, disclosed: disclosed, required: required, missing: missing)
    }

    /// Whether `word` (a few scalars) stands in `text`: a skip to each place its first scalar
    /// stands (`ScalarSearch`), then a comparison.
    static func contains(_ text: UnsafeBufferPointer<Unicode.Scalar>, _ word: [Unicode.Scalar]) -> Bool {
        guard let first = word.first else { return true }
        var i = ScalarSearch.firstIndex(of: first, in: text, from: 0)
        while i + word.count <= text.count {
            if UnsafeBufferPointer(rebasing: text[i..<(i + word.count)]).elementsEqual(word) { return true }
            i = ScalarSearch.firstIndex(of: first, in: text, from: i + 1)
        }
        return false
    }
}
