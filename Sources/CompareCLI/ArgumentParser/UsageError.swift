/// A command line the tool cannot act on, with a one-line message saying why:
/// `unknown option '--foo'`, `option '--format' needs a value`.
///
/// The caller prints the message and a hint to `--help`, and exits with status 2.
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message, without the tool's name and without a trailing newline.
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    static func unknownOption(_ name: String) -> UsageError {
        UsageError("unknown option '\(name)'")
    }

    static func missingValue(_ option: OptionSpec) -> UsageError {
        UsageError("option '\(option.name)' needs a value")
    }

    static func notAllowed(_ value: String, _ allowed: [String]) -> UsageError {
        UsageError("'\(value)' is not one of \(allowed.joined(separator: ", "))")
    }

    static func repeated(_ option: OptionSpec) -> UsageError {
        UsageError("option '\(option.name)' may be given only once")
    }

    static func flagWithValue(_ flag: FlagSpec) -> UsageError {
        UsageError("option '\(flag.name)' takes no value")
    }

    static func unexpectedArgument(_ argument: String) -> UsageError {
        UsageError("unexpected argument '\(argument)'")
    }
}
