#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Entry point of the `bureau-compare` executable: picks the command, parses its
/// arguments, runs it, and turns the outcome into an exit status.
///
/// `main()` binds the real streams and terminal; `run(_:stdout:stderr:terminal:)` is the
/// same tool on any streams (stdout takes bytes too: `UTF8OutputStream`), so tests run whole
/// commands in-process on strings.
public enum BureauCompare {
    /// The tool's name, as shown in messages and help.
    public static let name = "bureau-compare"
    public static let version = "0.1.0"
    /// The hint that follows every usage error.
    public static let usageHint = "Run '\(name) --help' for usage."

    /// The commands, in the order help lists them.
    static var commands: [any Command.Type] { [CompareCommand.self, BriefingCommand.self, ExtractCommand.self, AuditCommand.self, MetricsCommand.self] }

    /// Runs the tool on the process's arguments and streams, then exits with its status.
    public static func main() -> Never {
        StandardOutput.ignoreSIGPIPE()
        AllocatorTuning.keepFreedMemory()
        var stdout = StandardOutput()
        var stderr = StandardError()
        var status = run(Array(CommandLine.arguments.dropFirst()), stdout: &stdout, stderr: &stderr, terminal: .current())
        stdout.flush()
        if let message = stdout.failureMessage {
            stderr.write(diagnostic(message))
            status = max(status, ExitCode.outputFailed.rawValue)
        }
        exit(status)
    }

    /// Runs the tool on `arguments` (without the program name), writing to the given
    /// streams; returns the exit status. Never exits and never traps.
    ///
    /// `terminal` says what stdout is; the default, `.captured`, is a non-terminal, so
    /// `--format` defaults to CSV as it does in a pipe.
    public static func run(_ arguments: [String], stdout: inout some UTF8OutputStream,
                           stderr: inout some TextOutputStream, terminal: Terminal = .captured) -> Int32 {
        dispatch(arguments, stdout: &stdout, stderr: &stderr, terminal: terminal).rawValue
    }

    static func dispatch(_ arguments: [String], stdout: inout some UTF8OutputStream,
                         stderr: inout some TextOutputStream, terminal: Terminal) -> ExitCode {
        guard let first = arguments.first else {
            let names = commands.map { $0.spec.name }.joined(separator: ", ")
            return usageError(UsageError("missing command (one of: \(names))"), stderr: &stderr)
        }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "--help", "-h", "help":
            return help(for: rest, stdout: &stdout, stderr: &stderr)
        case "--version":
            guard rest.isEmpty else { return usageError(.unexpectedArgument(rest[0]), stderr: &stderr) }
            stdout.write("\(name) \(version)\n")
            return .success
        default:
            break
        }
        guard let command = command(named: first) else {
            let error = first.hasPrefix("-") ? UsageError.unknownOption(first) : UsageError("unknown command '\(first)'")
            return usageError(error, stderr: &stderr)
        }
        let parsed: ParsedArguments
        do {
            parsed = try command.spec.parse(rest)
        } catch {
            return usageError(error, stderr: &stderr)
        }
        if parsed.wantsHelp {
            stdout.write(command.spec.helpText(tool: name))
            return .success
        }
        return command.run(parsed, terminal: terminal, stdout: &stdout, stderr: &stderr)
    }

    /// `help`, `--help`: the tool's help; `help COMMAND`: that command's help.
    private static func help(for topics: [String], stdout: inout some TextOutputStream,
                             stderr: inout some TextOutputStream) -> ExitCode {
        guard let topic = topics.first else {
            stdout.write(ToolHelp.text(commands: commands.map { $0.spec }))
            return .success
        }
        guard topics.count == 1 else { return usageError(.unexpectedArgument(topics[1]), stderr: &stderr) }
        guard let command = command(named: topic) else {
            return usageError(UsageError("unknown command '\(topic)'"), stderr: &stderr)
        }
        stdout.write(command.spec.helpText(tool: name))
        return .success
    }

    private static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.spec.name == name }
    }

    /// Writes `bureau-compare: <message>` and the hint to stderr; nothing goes to stdout.
    static func usageError(_ error: UsageError, stderr: inout some TextOutputStream) -> ExitCode {
        stderr.write(diagnostic(error.message))
        stderr.write(usageHint + "\n")
        return .usage
    }

    /// One diagnostic line for stderr: `bureau-compare: Datasets/x.txt: empty file`.
    static func diagnostic(_ message: String) -> String {
        "\(name): \(message)\n"
    }
}
