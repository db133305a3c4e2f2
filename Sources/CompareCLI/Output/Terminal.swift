#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the command layer needs to know about where its output goes.
///
/// Read once at start-up (`Terminal.current()`) and passed down as a value, so a test can
/// run any command "on a terminal" or "into a pipe" without touching real descriptors.
public struct Terminal: Sendable, Hashable {
    /// Whether standard output is a terminal: decides the default `--format`
    /// (a table for people, CSV for pipes).
    public var stdoutIsTTY: Bool
    /// How wide tables may be, in terminal columns.
    public var columns: Int
    /// Whether ANSI colour may be written to standard output.
    public var colorAllowed: Bool
    /// Whether standard error is a terminal: decides whether a long run shows a progress line.
    public var stderrIsTTY: Bool

    public init(stdoutIsTTY: Bool, columns: Int, colorAllowed: Bool, stderrIsTTY: Bool = false) {
        self.stdoutIsTTY = stdoutIsTTY
        self.columns = columns
        self.colorAllowed = colorAllowed
        self.stderrIsTTY = stderrIsTTY
    }

    /// Output captured into a value (tests, in-process runs): not a terminal, no colour,
    /// the default width.
    public static let captured = Terminal(stdoutIsTTY: false, columns: defaultColumns, colorAllowed: false)

    /// The width used when `$COLUMNS` does not say: wide enough for a metric table.
    public static let defaultColumns = 100

    /// The facts of this process: isatty(1), isatty(2), `$COLUMNS`, `$NO_COLOR`.
    public static func current() -> Terminal {
        let tty = isTTY(STDOUT_FILENO)
        return Terminal(stdoutIsTTY: tty, columns: columns, colorAllowed: tty && !noColorRequested,
                        stderrIsTTY: isTTY(STDERR_FILENO))
    }

    /// Whether `fd` is a terminal.
    public static func isTTY(_ fd: Int32) -> Bool {
        isatty(fd) == 1
    }

    /// `$COLUMNS` when it is a positive number, else 100. (Shells set COLUMNS but do not
    /// always export it; 100 is wide enough for the metric tables.)
    public static var columns: Int {
        columns(from: environment("COLUMNS"))
    }

    /// Parses a `$COLUMNS` value; anything but a positive number gives the default.
    static func columns(from value: String?) -> Int {
        guard let value, let number = Int(value), number > 0 else { return defaultColumns }
        return number
    }

    /// Whether `$NO_COLOR` is set to a non-empty value (https://no-color.org), or the
    /// terminal is `dumb`.
    public static var noColorRequested: Bool {
        if let value = environment("NO_COLOR"), !value.isEmpty { return true }
        return environment("TERM") == "dumb"
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
