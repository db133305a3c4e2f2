/// What one command accepts, declared as data: name, summary, usage lines, options,
/// flags and positionals.
///
/// The same value drives parsing (`parse(_:)`) and the help text (`helpText(tool:)`), so
/// the two cannot disagree about which options exist.
public struct CommandSpec: Sendable, Hashable {
    /// The word after the tool's name: `extract`.
    public let name: String
    /// One line saying what the command does; the tool's help lists it beside the name.
    public let abstract: String
    /// Usage lines without the tool's name: `extract [PATH...] [--format FORMAT]`.
    public let usage: [String]
    public let options: [OptionSpec]
    public let flags: [FlagSpec]
    /// nil when the command takes no positional arguments.
    public let positional: PositionalSpec?
    /// Further paragraphs for the command's help: defaults, examples.
    public let discussion: [String]

    public init(name: String, abstract: String, usage: [String], options: [OptionSpec] = [],
                flags: [FlagSpec] = [], positional: PositionalSpec? = nil, discussion: [String] = []) {
        self.name = name
        self.abstract = abstract
        self.usage = usage
        self.options = options
        self.flags = flags
        self.positional = positional
        self.discussion = discussion
    }

    /// The names every command understands without declaring them.
    public static let helpNames: Set<String> = ["--help", "-h"]

    func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }

    func flag(named name: String) -> FlagSpec? {
        flags.first { $0.name == name }
    }
}
