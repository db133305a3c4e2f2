/// The result of parsing one command's arguments: option values by name, the flags that
/// were set, and the positionals in the order given.
///
/// `extract Datasets --format=csv more` gives values `["--format": ["csv"]]` and
/// positionals `["Datasets", "more"]`.
public struct ParsedArguments: Sendable, Hashable {
    /// Every value given for each option, in order, keyed by the option's name (`--format`).
    public var values: [String: [String]]
    /// The names of the flags that were given (`--bom`).
    public var flags: Set<String>
    /// The arguments that are not options, in order.
    public var positionals: [String]
    /// True when `--help` or `-h` appeared before `--`: the command shows its help instead.
    public var wantsHelp: Bool

    public init(values: [String: [String]] = [:], flags: Set<String> = [], positionals: [String] = [], wantsHelp: Bool = false) {
        self.values = values
        self.flags = flags
        self.positionals = positionals
        self.wantsHelp = wantsHelp
    }

    /// The value of an option given at most once, or nil when it was not given.
    public func value(_ name: String) -> String? {
        values[name]?.last
    }

    /// Every value of a repeatable option, empty when it was not given.
    public func allValues(_ name: String) -> [String] {
        values[name] ?? []
    }

    /// Whether a flag was given.
    public func isSet(_ name: String) -> Bool {
        flags.contains(name)
    }
}
