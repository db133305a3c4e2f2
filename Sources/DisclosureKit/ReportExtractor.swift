/// The pipeline for one decoded report: normalize → segment → extract → detect → resolve → check.
///
/// Pure: takes text, returns a value. Reading files is `Corpus`'s job, printing the caller's.
public struct ReportExtractor: Sendable {
    /// Whether the checks run: consistency within rounding, the contents promised, completeness.
    /// A command that prints figures only (`extract` as CSV, TSV or a table) does without them —
    /// they were a fifth of its work — and its reports then have no findings and a completeness
    /// of zero, with `ExtractedReport.isAudited` false.
    public let audits: Bool

    public init(audits: Bool = true) {
        self.audits = audits
    }

    /// Extracts every catalog figure from `text`; `document` is the file name to report.
    /// Fails with `.notAReport` when the text is neither a final-accounts nor a budget
    /// report and states none of the shared figures.
    public func extract(text: String, document: String) -> Result<ExtractedReport, InputProblem> {
        extract(Normalizer().normalize(text), document: document)
    }

    /// `extract(text:document:)` of well-formed UTF-8 (`DecodedText.utf8`): no `String` of the
    /// whole report is made.
    public func extract(utf8: [UInt8], document: String) -> Result<ExtractedReport, InputProblem> {
        extract(Normalizer().normalize(utf8: utf8), document: document)
    }

    /// `extract(utf8:document:)` of bytes not yet known to be UTF-8, checked as they are read;
    /// nil when they hold an ill-formed sequence.
    public func extract(unvalidatedUTF8 bytes: [UInt8], document: String) -> Result<ExtractedReport, InputProblem>? {
        Normalizer().normalize(unvalidatedUTF8: bytes).map { extract($0, document: document) }
    }

    private func extract(_ normalized: NormalizedText, document: String) -> Result<ExtractedReport, InputProblem> {
        // Every stage reads the lines in place.
        normalized.withLines { extract($0, document: document) }
    }

    private func extract(_ lines: NormalizedText.Lines, document: String) -> Result<ExtractedReport, InputProblem> {
        // Read first: its pass over every scalar notes the tabs and units the segmenter asks for.
        let reading = MetadataReading(lines: lines)
        let contexts = Segmenter().segment(lines, marks: reading.lineMarks)
        let statements = StatementScanner()
        let tables = TableRowScanner()
        // A first look at units for tables without a declared unit: the narrative's majority.
        var observations: [Observation] = []
        var tableRows: [Int] = []
        for index in 0..<min(lines.count, contexts.count) where !contexts[index].inContents {
            switch contexts[index].kind {
            case .text:
                statements.scan(lines[index], family: contexts[index].family, lineIndex: index, into: &observations)
            case .tableRow:
                tableRows.append(index)
            case .heading:
                continue
            }
        }
        // Counted, not filtered: a filtered array copied (and retained) each statement.
        var yuan = 0
        var wanYuan = 0
        for o in observations {
            if o.unit == .yuan { yuan += 1 } else if o.unit == .wanYuan { wanYuan += 1 }
        }
        let narrativeUnit: AmountUnit = yuan > wanYuan ? .yuan : .wanYuan
        for index in tableRows {
            tables.scan(lines[index], unit: contexts[index].tableUnit ?? narrativeUnit, lineIndex: index, into: &observations)
        }
        observations += SangongTableScanner().scan(lines, contexts: contexts, defaultUnit: narrativeUnit)
        observations.sort { ($0.line, $0.metric) < ($1.line, $1.metric) }
        let metadata = MetadataDetector().detect(lines, observations: observations, reading: reading)
        // A report names itself in the template's words or states at least one shared figure.
        let template = MetadataDetector.templateScore(reading.phrases)
        if template.final + template.budget == 0 && observations.isEmpty {
            return .failure(.notAReport("no 决算/预算 disclosure wording and no shared figure"))
        }
        let figures = Resolver().resolve(observations, kind: metadata.kind)
        guard audits else {
            return .success(ExtractedReport(document: document, metadata: metadata, observations: observations, figures: figures,
                                            isAudited: false))
        }
        // Check: consistency within rounding, contents promised, completeness.
        var findings = ConsistencyChecker().check(figures: figures, observations: observations, kind: metadata.kind)
        findings += ContentsChecker().check(lines, contexts: contexts)
        findings.sort { ($0.severity, $0.lines.first ?? 0) < ($1.severity, $1.lines.first ?? 0) }
        let completeness = CompletenessScorer().score(figures: figures, lines: lines, contexts: contexts, kind: metadata.kind)
        return .success(ExtractedReport(document: document, metadata: metadata, observations: observations, figures: figures,
                                        findings: findings, completeness: completeness))
    }
}
