import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import CompareCLI

/// The worker pool behind every command's input loop: order, completeness and the bound on
/// results waiting to be consumed.
@Suite struct OrderedParallelMapTests {
    /// Counts shared by the workers and the test, under a lock.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        private(set) var maximum = 0
        func add(_ delta: Int) {
            lock.lock()
            value += delta
            maximum = max(maximum, value)
            lock.unlock()
        }
    }

    /// Uneven work, so later items often finish before earlier ones.
    static func work(_ index: Int) -> Int {
        var x = UInt64(index)
        for _ in 0..<((index * 7919) % 13) * 2_000 { x = x &* 6364136223846793005 &+ 1442695040888963407 }
        return index * 10 + Int(x & 0)
    }

    @Test(arguments: [(0, 4), (1, 4), (2, 1), (100, 1), (100, 2), (100, 8), (1000, 3)])
    func everyResultComesOnceInItemOrder(count: Int, workers: Int) {
        var seen: [Int] = []
        OrderedParallelMap<Int>(count: count, workers: workers).run({ Self.work($0) }) { index, result in
            #expect(result == index * 10)
            seen.append(index)
        }
        #expect(seen == Array(0..<count))
    }

    @Test func workersNeverRunMoreThanTheWindowAheadOfTheConsumer() {
        let inFlight = Counter()
        let map = OrderedParallelMap<Int>(count: 300, workers: 4, window: 6)
        map.run({ index in
            inFlight.add(1)
            return Self.work(index)
        }) { _, _ in
            // A slow consumer: workers must wait for it instead of piling up results.
            _ = Self.work(12)
            inFlight.add(-1)
        }
        // The window, plus the one result the consumer holds while the workers go on.
        #expect(inFlight.maximum <= 6 + 1)
        #expect(inFlight.maximum >= 2, "the workers ran one at a time")
    }

    @Test func oneWorkerOrOneItemRunsOnTheCallingThread() {
        let caller = UInt(bitPattern: Int(bitPattern: UInt(pthread_self())))
        var threads: [UInt] = []
        OrderedParallelMap<UInt>(count: 1, workers: 8).run({ _ in UInt(pthread_self()) }) { _, t in threads.append(t) }
        OrderedParallelMap<UInt>(count: 3, workers: 1).run({ _ in UInt(pthread_self()) }) { _, t in threads.append(t) }
        #expect(threads == [caller, caller, caller, caller])
        var used: Set<UInt> = []
        OrderedParallelMap<UInt>(count: 200, workers: 3).run({ index in
            _ = Self.work(index)
            return UInt(pthread_self())
        }) { _, t in used.insert(t) }
        #expect(used.count <= 3, "more threads than workers")
    }

    /// With two workers one thread is started and the caller is the other: items 0 and 1 can only
    /// both finish when two threads run them at once (0 waits for 1 to start), and whichever of
    /// them the started thread takes first, the caller runs the other instead of waiting.
    @Test func theCallerWorksWhileItsNextResultIsNotReady() {
        let caller = UInt(pthread_self())
        let secondStarted = DispatchSemaphore(value: 0)
        var threads: [Int: UInt] = [:]
        OrderedParallelMap<UInt>(count: 2, workers: 2).run({ index in
            if index == 0 {
                _ = secondStarted.wait(timeout: .now() + 20)
            } else {
                secondStarted.signal()
            }
            return UInt(pthread_self())
        }) { index, t in threads[index] = t }
        #expect(threads.count == 2)
        #expect(threads[0] != threads[1], "items 0 and 1 ran on one thread")
        #expect(threads.values.contains(caller), "the caller only waited")
    }

    @Test("the processors of a CPU mask as the kernel prints it")
    func processorsOfAMask() {
        #expect(ReportInput.processors(inMask: "3") == 2)
        #expect(ReportInput.processors(inMask: "ff,ffffffff") == 40)
        #expect(ReportInput.processors(inMask: "00000000,00000001") == 1)
        #expect(ReportInput.processors(inMask: "") == 0)
        let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        #expect((1...max(1, online)).contains(ReportInput.availableProcessors()))
    }

    @Test func workerCountIsClampedToTheItems() {
        #expect(OrderedParallelMap<Int>(count: 3, workers: 16).workers == 3)
        #expect(OrderedParallelMap<Int>(count: 0, workers: 16).workers == 1)
        #expect(OrderedParallelMap<Int>(count: 10, workers: 0).workers == 1)
        #expect(OrderedParallelMap<Int>(count: 10, workers: 4, window: 1).window == 4)
    }
}

/// The progress line a long run draws on a terminal's stderr.
@Suite struct ProgressLineTests {
    @Test func textGroupsThousands() {
        #expect(ProgressLine.text(done: 312, total: 10_000) == "312 of 10,000 reports (3%)")
        #expect(ProgressLine.text(done: 1_234_567, total: 1_234_567) == "1,234,567 of 1,234,567 reports (100%)")
        #expect(ProgressLine.grouped(999) == "999")
        #expect(ProgressLine.grouped(1000) == "1,000")
    }

    @Test func drawsOnlyWhenEnabledAndErasesItself() {
        var stderr = ""
        var off = ProgressLine(total: 3, enabled: false, delay: .zero)
        off.update(done: 1, stderr: &stderr)
        off.finish(stderr: &stderr)
        #expect(stderr.isEmpty)

        var on = ProgressLine(total: 3, enabled: true, delay: .zero)
        on.update(done: 1, stderr: &stderr)
        #expect(stderr == "\r1 of 3 reports (33%)\u{1B}[K")
        // Redrawn at most every 100 ms: an immediate second update writes nothing.
        on.update(done: 2, stderr: &stderr)
        #expect(stderr == "\r1 of 3 reports (33%)\u{1B}[K")
        on.finish(stderr: &stderr)
        #expect(stderr.hasSuffix("\r\u{1B}[K"))
    }

    @Test func aShortRunDrawsNothing() {
        var stderr = ""
        var line = ProgressLine(total: 5, enabled: true)
        for done in 1...5 { line.update(done: done, stderr: &stderr) }
        line.finish(stderr: &stderr)
        #expect(stderr.isEmpty)
    }
}
