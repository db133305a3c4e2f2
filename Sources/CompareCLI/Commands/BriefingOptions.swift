import Analytics

/// `briefing`'s parsed command line as typed values: `--year` must be a four-digit year,
/// and `--bom` and `--no-bom` exclude each other.
///
/// `briefing Datasets --year 2024 --out /tmp/r --lang en` gives paths `["Datasets"]`, year
/// 2024, out `/tmp/r`, English.
struct BriefingOptions {
    var paths: [String]
    /// The `--out` folder as given, without trailing slashes (`Reports`).
    var out: String
    /// Only this fiscal year; nil for every year the reports cover.
    var year: Int?
    var language: Language
    var bom: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        paths = arguments.positionals.isEmpty ? [ExtractCommand.defaultPath] : arguments.positionals
        out = CompareOptions.trimmed(arguments.value("--out") ?? CompareCommand.defaultOut)
        if let text = arguments.value("--year") {
            guard text.count == 4, text.allSatisfy(\.isASCII), let value = Int(text), value >= 1000 else {
                throw UsageError("'--year' needs a four-digit year, not '\(text)'")
            }
            year = value
        }
        language = arguments.value("--lang").flatMap(Language.init(rawValue:)) ?? .zh
        if arguments.isSet("--bom") && arguments.isSet("--no-bom") {
            throw UsageError("options '--bom' and '--no-bom' exclude each other")
        }
        bom = !arguments.isSet("--no-bom")
    }

    /// The path of a file under the out folder: `Reports/2024/briefing.md`.
    func path(of relative: String) -> String {
        out == "/" ? "/" + relative : out + "/" + relative
    }
}
