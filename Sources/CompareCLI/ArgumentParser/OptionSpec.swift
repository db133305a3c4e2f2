/// An option that takes a value: `--format csv` or `--format=csv`.
///
/// `allowed` closes the set of values (`table, csv, tsv, json`), so a typo is caught while
/// parsing instead of deep inside a command; `repeatable` lets `--metric a --metric b`
/// collect both values instead of being a usage error.
public struct OptionSpec: Sendable, Hashable {
    /// The long name with its dashes: `--format`.
    public let name: String
    /// The placeholder shown in usage and help: `FORMAT`.
    public let valueName: String
    /// The only values accepted, in the order help lists them; nil accepts any value.
    public let allowed: [String]?
    /// Whether the option may be given more than once.
    public let repeatable: Bool
    /// One line for the help text.
    public let help: String

    public init(name: String, valueName: String, allowed: [String]? = nil, repeatable: Bool = false, help: String) {
        self.name = name
        self.valueName = valueName
        self.allowed = allowed
        self.repeatable = repeatable
        self.help = help
    }
}
