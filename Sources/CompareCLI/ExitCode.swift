/// The process's exit status, as the command-line contract in DESIGN.md fixes it.
///
/// Scripts branch on these numbers, so each means exactly one thing and the worst one
/// wins when several apply (`max`): an output failure outranks unreadable inputs.
public enum ExitCode: Int32, Sendable, Hashable, Comparable, CaseIterable {
    /// Everything asked for was done.
    case success = 0
    /// Some input could not be read or is not a disclosure report; the rest was processed.
    case inputProblem = 1
    /// The command line was wrong; a message and a hint to `--help` went to stderr.
    case usage = 2
    /// The output could not be written (a full disk, an unwritable `--out` folder).
    case outputFailed = 3

    public static func < (a: ExitCode, b: ExitCode) -> Bool { a.rawValue < b.rawValue }

    /// The lines the tool's help shows under EXIT STATUS.
    static let helpEntries: [(String, String)] = [
        ("0", "success"),
        ("1", "some input could not be read or is not a disclosure report (the rest was processed)"),
        ("2", "usage error"),
        ("3", "output could not be written"),
    ]
}
