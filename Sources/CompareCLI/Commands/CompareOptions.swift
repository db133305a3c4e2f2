import Analytics
import DisclosureKit

/// `compare`'s parsed command line as typed values, checked beyond what the spec can say:
/// `--year` must be a four-digit year, and `--bom` and `--no-bom` exclude each other.
///
/// `compare Datasets --year 2024 --kind all --metric sangong_total --order asc --lang en`
/// gives paths `["Datasets"]`, a selection of 2024's final accounts and budgets, one table
/// ranked smallest first, English names.
struct CompareOptions {
    var paths: [String]
    var format: ComparisonFormat
    /// The `--out` folder as given, without trailing slashes (`Reports`).
    var out: String
    var comparison: ComparisonOptions
    var language: Language
    var bom: Bool

    init(_ arguments: ParsedArguments, terminal: Terminal) throws(UsageError) {
        paths = arguments.positionals.isEmpty ? [ExtractCommand.defaultPath] : arguments.positionals
        format = .chosen(by: arguments, terminal: terminal)
        out = Self.trimmed(arguments.value("--out") ?? CompareCommand.defaultOut)

        var year: Int?
        if let text = arguments.value("--year") {
            guard text.count == 4, text.allSatisfy(\.isASCII), let value = Int(text), value >= 1000 else {
                throw UsageError("'--year' needs a four-digit year, not '\(text)'")
            }
            year = value
        }
        let kinds = arguments.value("--kind").flatMap(ReportSelection.Kinds.init(rawValue:)) ?? .final
        let order = arguments.value("--order").flatMap(RankOrder.init(rawValue:)) ?? .descending
        let metrics = arguments.allValues("--metric").compactMap(MetricID.init(rawValue:))
        comparison = ComparisonOptions(selection: ReportSelection(year: year, kinds: kinds), order: order, metrics: metrics)
        language = arguments.value("--lang").flatMap(Language.init(rawValue:)) ?? .zh

        if arguments.isSet("--bom") && arguments.isSet("--no-bom") {
            throw UsageError("options '--bom' and '--no-bom' exclude each other")
        }
        bom = !arguments.isSet("--no-bom")
    }

    /// The path of a file in the out folder: `Reports/comparison.csv`.
    func path(of name: String) -> String {
        out == "/" ? "/" + name : out + "/" + name
    }

    /// `Reports///` → `Reports`; `/` stays `/`.
    static func trimmed(_ folder: String) -> String {
        var text = folder
        while text.count > 1 && text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
