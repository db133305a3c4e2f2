/// An option without a value: `--bom`, `--strict`.
///
/// Kept apart from `OptionSpec` so the parser knows never to take the next argument as its
/// value: `--strict Datasets` is a flag and a path, not a flag with the value `Datasets`.
public struct FlagSpec: Sendable, Hashable {
    /// The long name with its dashes: `--bom`.
    public let name: String
    /// One line for the help text.
    public let help: String

    public init(name: String, help: String) {
        self.name = name
        self.help = help
    }
}
