/// What every extraction promises, whatever the input: checked by the mutation tests
/// (`Tests/DisclosureKitTests/MutationTests.swift`) and by the fuzzer (`Fuzz/`), which
/// treats any violation as a crash.
///
/// - one figure per catalog metric, in catalog order;
/// - a disclosed figure prints as a plain decimal with its metric's decimals (`3332.37`,
///   `-5252.65`, `0.141`), an amount for an amount metric and a percentage for a share;
/// - every line number (statements, figures, findings) lies within the file's lines;
/// - findings carry messages, the completeness score lies in 0 … 100, the fiscal year in
///   1990 … 2100.
extension ExtractedReport {
    /// The broken promises, one line each; empty when the report is well-formed.
    ///
    /// `lineLimit` is an upper bound of the file's line numbers: the count of line breaks
    /// (LF, CR, CRLF) and form feeds, plus one (see `ExtractedReport.lineLimit(of:)`).
    public func invariantViolations(lineLimit: Int) -> [String] {
        var problems: [String] = []
        func checkLine(_ line: Int, _ what: @autoclosure () -> String) {
            if line < 1 || line > lineLimit { problems.append("\(what()): line \(line) outside 1…\(lineLimit)") }
        }
        if figures.map(\.metric) != MetricID.allCases {
            problems.append("figures are not one per metric in catalog order: \(figures.map(\.metric.rawValue))")
        }
        for figure in figures {
            let metric = figure.metric.metric
            if let value = figure.value {
                switch (value, metric.unit) {
                case (.amount, .wanYuan), (.percent, .percent): break
                default: problems.append("\(figure.metric.rawValue): value \(value) does not match unit \(metric.unit.rawValue)")
                }
                let text = figure.formattedValue
                if !Self.isPlainDecimal(text, decimals: metric.decimals) {
                    problems.append("\(figure.metric.rawValue): value prints as '\(text)', not a decimal with \(metric.decimals) places")
                }
            }
            if let reported = figure.reported, reported.description.isEmpty {
                problems.append("\(figure.metric.rawValue): reported value prints empty")
            }
            if figure.value == nil && !figure.flags.isEmpty {
                problems.append("\(figure.metric.rawValue): flags \(figure.flags) on an undisclosed figure")
            }
            if Set(figure.flags).count != figure.flags.count {
                problems.append("\(figure.metric.rawValue): repeated flags \(figure.flags)")
            }
            for statement in [figure.source].compactMap({ $0 }) + figure.alternatives {
                checkLine(statement.line, "\(figure.metric.rawValue) source")
            }
        }
        for observation in observations {
            checkLine(observation.line, "statement of \(observation.metric.rawValue)")
            if observation.stated.description.isEmpty { problems.append("statement with an empty number") }
            if observation.amount == nil && observation.unit != nil {
                problems.append("statement of \(observation.metric.rawValue) with a unit but no amount")
            }
        }
        for finding in findings {
            for line in finding.lines { checkLine(line, "finding \(finding.check.rawValue)") }
            if finding.messageChinese.isEmpty || finding.messageEnglish.isEmpty {
                problems.append("finding \(finding.check.rawValue) without a message")
            }
        }
        if findings.map(\.severity) != findings.map(\.severity).sorted() {
            problems.append("findings not sorted by severity")
        }
        if !(0...100).contains(completeness.score) || completeness.disclosed < 0
            || completeness.disclosed > completeness.required
            || completeness.missing.count != completeness.required - completeness.disclosed {
            problems.append("completeness \(completeness) is inconsistent")
        }
        if let year = metadata.fiscalYear, !(1990...2100).contains(year) { problems.append("fiscal year \(year)") }
        if let units = metadata.unitCount, units < 0 { problems.append("unit count \(units)") }
        return problems
    }

    /// An upper bound of the line numbers of `text`: line breaks (LF, CR, CRLF) and form
    /// feeds (which `Normalizer` also takes as line ends when text follows), plus one.
    public static func lineLimit(of text: String) -> Int {
        var limit = 1
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previous != "\r", "\r", "\u{0C}": limit += 1
            default: break
            }
            previous = scalar
        }
        return limit
    }

    /// `3332.37`, `-0.32`, `0.141`: an optional minus, digits, and exactly `decimals` decimals.
    static func isPlainDecimal(_ text: String, decimals: Int) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        guard decimals > 0 else { return !bytes.isEmpty && bytes.allSatisfy(isDigit) }
        guard let point = bytes.firstIndex(of: UInt8(ascii: ".")) else { return false }
        let whole = bytes[..<point]
        let fraction = bytes[bytes.index(after: point)...]
        return !whole.isEmpty && whole.allSatisfy(isDigit) && fraction.count == decimals && fraction.allSatisfy(isDigit)
    }
}
