import Foundation
import Testing
@testable import DisclosureKit

/// Running a program with its output captured and a time limit, on the system's own small programs.
@Suite struct ChildProcessTests {
    @Test("a large stdout is read whole, however big")
    func largeOutput() {
        let outcome = ChildProcess.run("/usr/bin/head", arguments: ["-c", "3000000", "/dev/zero"], timeout: .seconds(30))
        #expect(outcome.ending == .exited(0))
        #expect(outcome.stdout.count == 3_000_000)
    }

    @Test("a flood on stderr before stdout does not block; stderr is kept to its limit")
    func stderrFlood() {
        let outcome = ChildProcess.run("/bin/sh", arguments: ["-c", "head -c 1000000 /dev/zero >&2; echo done"], timeout: .seconds(30))
        #expect(outcome.ending == .exited(0))
        #expect(outcome.stdout == Array("done\n".utf8))
        #expect(outcome.stderr.count == ChildProcess.stderrLimit)
    }

    @Test("exit status, signal and a program that cannot start are told apart")
    func endings() {
        #expect(ChildProcess.run("/bin/sh", arguments: ["-c", "exit 7"], timeout: .seconds(30)).ending == .exited(7))
        #expect(ChildProcess.run("/bin/sh", arguments: ["-c", "kill -9 $$"], timeout: .seconds(30)).ending == .signalled(9))
        #expect(ChildProcess.run("/nonexistent/pdftotext", arguments: [], timeout: .seconds(30)).ending == .notStarted(ENOENT))
    }

    @Test("arguments arrive as given: no shell between")
    func argumentsAsGiven() {
        let awkward = ["年度 \"决算\".pdf", "it's", "$(echo no)", "a;b|c", "-"]
        let outcome = ChildProcess.run("/usr/bin/printf", arguments: ["%s\\n"] + awkward, timeout: .seconds(30))
        #expect(outcome.ending == .exited(0))
        #expect(String(decoding: outcome.stdout, as: UTF8.self) == awkward.map { $0 + "\n" }.joined())
    }

    @Test("a program past its time limit is killed, its children with it")
    func timeLimit() {
        let started = ContinuousClock.now
        // The shell's child keeps the output open: only killing the whole group ends the wait.
        let outcome = ChildProcess.run("/bin/sh", arguments: ["-c", "sleep 30 & wait"], timeout: .milliseconds(300))
        #expect(outcome.ending == .timedOut)
        #expect(started.duration(to: .now) < .seconds(10))
    }

    @Test("stdin is empty, not the test's own")
    func emptyStdin() {
        let outcome = ChildProcess.run("/bin/cat", arguments: [], timeout: .seconds(10))
        #expect(outcome.ending == .exited(0))
        #expect(outcome.stdout.isEmpty)
    }

    @Test("many runs at once on many threads each get their own output")
    func concurrentRuns() {
        let results = UnsafeMutableBufferPointer<String>.allocate(capacity: 32)
        results.initialize(repeating: "")
        defer { results.deallocate() }
        nonisolated(unsafe) let shared = results
        DispatchQueue.concurrentPerform(iterations: 32) { index in
            let outcome = ChildProcess.run("/usr/bin/printf", arguments: ["run %d", String(index)], timeout: .seconds(30))
            shared[index] = String(decoding: outcome.stdout, as: UTF8.self)
        }
        #expect(Array(results) == (0..<32).map { "run \($0)" })
    }
}
