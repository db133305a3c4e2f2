/// The arguments that are not options: `PATH...` in `extract [PATH...]`.
///
/// Described only so usage and help can name them; the parser collects them in order and
/// the command decides what an empty list means (for `extract`, the `Datasets` folder).
public struct PositionalSpec: Sendable, Hashable {
    /// The placeholder shown in usage and help: `PATH`.
    public let valueName: String
    /// Whether more than one may be given (`PATH...`).
    public let repeatable: Bool
    /// One line for the help text.
    public let help: String

    public init(valueName: String, repeatable: Bool = true, help: String) {
        self.valueName = valueName
        self.repeatable = repeatable
        self.help = help
    }

    /// `[PATH...]` or `[PATH]`: every positional of this tool is optional.
    public var synopsis: String {
        "[" + valueName + (repeatable ? "..." : "") + "]"
    }
}
