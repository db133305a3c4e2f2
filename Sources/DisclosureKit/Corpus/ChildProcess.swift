#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one program to completion with its output captured and a time limit: how `pdftotext` is called.
///
/// Why `posix_spawn` and not Foundation's `Process` or `system`: the program is started directly from an
/// argument array, never through a shell, so a file named `年度 "决算".pdf` or `-x.pdf` is one argument and
/// nothing in it is interpreted; and the whole run (pipes, polling, killing, reaping) is local to the
/// call, so any number of threads may run programs at once without sharing state.
///
/// - stdout and stderr are read by one `poll(2)` loop, so a program that fills one pipe while we wait on
///   the other cannot deadlock; stdin is `/dev/null`.
/// - The pipes (socket pairs) are created close-on-exec: a program started by another thread at the same moment does
///   not inherit them, which would keep our read ends from ever seeing end-of-file.
/// - The child gets its own process group, default signal handling (this tool ignores SIGPIPE; the
///   child must not inherit that) and an empty signal mask. At the time limit the whole group is
///   killed with SIGKILL, so a wrapper script and whatever it started die together.
/// - The child is reaped with `waitpid` on its own pid only, never `wait()` for any child.
enum ChildProcess {
    /// How a run ended.
    enum Ending: Sendable, Equatable {
        /// The program exited with this status.
        case exited(Int32)
        /// The program was killed by this signal (not by us).
        case signalled(Int32)
        /// The time limit passed; the program was killed.
        case timedOut
        /// `posix_spawn` or `pipe` failed with this `errno`: the program never ran.
        case notStarted(Int32)
    }

    /// What one run produced.
    struct Outcome: Sendable {
        let ending: Ending
        let stdout: [UInt8]
        /// At most `stderrLimit` bytes: enough for the messages, bounded for a program that floods it.
        let stderr: [UInt8]
    }

    /// How much of stderr is kept.
    static let stderrLimit = 64 * 1024

    /// Runs `executable` (a path, not looked up) with `arguments` (without the program name) and waits at
    /// most `timeout` for it to finish.
    static func run(_ executable: String, arguments: [String], timeout: Duration) -> Outcome {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard makePipe(&outPipe) == 0 else { return Outcome(ending: .notStarted(errno), stdout: [], stderr: []) }
        guard makePipe(&errPipe) == 0 else {
            let error = errno
            close(outPipe[0])
            close(outPipe[1])
            return Outcome(ending: .notStarted(error), stdout: [], stderr: [])
        }

        let spawned = spawn(executable, arguments: arguments, stdout: outPipe[1], stderr: errPipe[1])
        // The child holds its own copies; ours must go, or the read ends never reach end-of-file.
        close(outPipe[1])
        close(errPipe[1])
        let pid: pid_t
        switch spawned {
        case .success(let started):
            pid = started
        case .failure(let failure):
            close(outPipe[0])
            close(errPipe[0])
            return Outcome(ending: .notStarted(failure.code), stdout: [], stderr: [])
        }

        let deadline = ContinuousClock.now.advanced(by: timeout)
        let drained = drain(stdout: outPipe[0], stderr: errPipe[0], until: deadline)
        close(outPipe[0])
        close(errPipe[0])
        let ending = drained.finished ? reap(pid, until: deadline) : nil
        guard let ending else {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            _ = waitBlocking(pid)
            return Outcome(ending: .timedOut, stdout: drained.stdout, stderr: drained.stderr)
        }
        return Outcome(ending: ending, stdout: drained.stdout, stderr: drained.stderr)
    }

    /// A one-way channel whose two ends are closed on `exec`, created in one step: `ends[0]` is read,
    /// `ends[1]` written.
    ///
    /// Why a socket pair on Linux: Swift's Glibc module does not export `pipe2`, and `pipe` followed by
    /// `fcntl(FD_CLOEXEC)` leaves a moment in which another thread's child could inherit the write end.
    /// `socketpair` takes `SOCK_CLOEXEC` atomically, and reads and writes like a pipe.
    static func makePipe(_ ends: inout [Int32]) -> Int32 {
        #if canImport(Glibc)
        return socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends)
        #else
        guard pipe(&ends) == 0 else { return -1 }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        return 0
        #endif
    }

    /// An `errno` from a failed system call.
    struct Failure: Error {
        let code: Int32
    }

    /// Starts the child with `stdout` and `stderr` as its descriptors 1 and 2 and `/dev/null` as 0.
    static func spawn(_ executable: String, arguments: [String], stdout: Int32, stderr: Int32) -> Result<pid_t, Failure> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        return status == 0 ? .success(pid) : .failure(Failure(code: status))
    }

    /// What reading both pipes gave: the bytes, and whether both reached end-of-file before the deadline.
    struct Drained {
        var stdout: [UInt8] = []
        var stderr: [UInt8] = []
        var finished = false
    }

    /// Reads both descriptors as data arrives until both are at end-of-file or the deadline passes.
    static func drain(stdout: Int32, stderr: Int32, until deadline: ContinuousClock.Instant) -> Drained {
        var drained = Drained()
        var descriptors = [pollfd(fd: stdout, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: stderr, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while descriptors.contains(where: { $0.fd >= 0 }) {
            guard let wait = milliseconds(until: deadline) else { return drained }
            let ready = poll(&descriptors, nfds_t(descriptors.count), wait)
            if ready < 0 {
                if errno == EINTR { continue }
                return drained
            }
            for index in descriptors.indices where descriptors[index].fd >= 0 && descriptors[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptors[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if index == 0 {
                        drained.stdout.append(contentsOf: buffer[0..<count])
                    } else if drained.stderr.count < stderrLimit {
                        drained.stderr.append(contentsOf: buffer[0..<min(count, stderrLimit - drained.stderr.count)])
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    // End of file (or an error that will not go away): stop polling this one.
                    descriptors[index].fd = -1
                }
            }
        }
        drained.finished = true
        return drained
    }

    /// Waits for `pid` to end, at most until the deadline; nil when it is still running then.
    ///
    /// A program has usually exited by the time its pipes close, so the first look mostly succeeds; one
    /// that closed its output and kept running is looked at every few milliseconds.
    static func reap(_ pid: pid_t, until deadline: ContinuousClock.Instant) -> Ending? {
        var pause = 1
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return ending(status) }
            if result < 0 && errno != EINTR { return .notStarted(errno) }
            guard milliseconds(until: deadline) != nil else { return nil }
            usleep(useconds_t(pause * 1000))
            pause = min(pause * 2, 50)
        }
    }

    /// Waits for a killed child, so that it does not linger as a zombie.
    static func waitBlocking(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    /// The `Ending` of a `waitpid` status.
    static func ending(_ status: Int32) -> Ending {
        let signal = status & 0x7F
        if signal == 0 { return .exited((status >> 8) & 0xFF) }
        return .signalled(signal)
    }

    /// Milliseconds left until `deadline` for `poll`, at least 1; nil once it has passed.
    static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32? {
        let left = ContinuousClock.now.duration(to: deadline)
        guard left > .zero else { return nil }
        let (seconds, attoseconds) = left.components
        let total = seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1
        return Int32(clamping: total)
    }
}
