/// Runs `transform` on items 0..<count across worker threads and hands each result to `consume`
/// on the calling thread, in item order, as soon as it and all before it are ready.
///
/// Why not `withTaskGroup` or `concurrentPerform`: the command layer is synchronous (it writes to
/// `inout` streams), results must come out in input order whatever finished first, and at most
/// `window` results may wait unconsumed, so memory stays one report per worker plus the window
/// however many thousand files there are. A worker that runs `window` items ahead of the consumer
/// waits.
///
/// The calling thread is one of the `workers`: `workers - 1` threads are started, and while the
/// result it must hand on next is not ready, the caller transforms the next item itself instead of
/// waiting. When it only waited, every report cost a wake-up of the caller and the preemption of a
/// worker by it (three threads on two cores): on 10,000 reports some 30,000 futex calls and 14,000
/// involuntary context switches. Each side now signals only when the other is waiting.
///
/// With one worker, or one item, everything runs on the calling thread: no thread is started,
/// which keeps a one-report run at process start-up cost.
struct OrderedParallelMap<Result: Sendable> {
    let count: Int
    let workers: Int
    let window: Int

    /// `workers` is clamped to 1…count; `window` defaults to four results per worker.
    init(count: Int, workers: Int, window: Int? = nil) {
        self.count = max(0, count)
        self.workers = max(1, min(workers, self.count))
        self.window = max(self.workers, window ?? self.workers * 4)
    }

    func run(_ transform: @escaping @Sendable (Int) -> Result, consume: (Int, Result) -> Void) {
        guard workers > 1 else {
            for index in 0..<count { consume(index, transform(index)) }
            return
        }
        let shared = Shared(count: count, window: window, workers: workers - 1)
        for _ in 1..<workers {
            // Extraction is iterative; 4 MB leaves room for the standard library's own recursion.
            // A thread that cannot be had leaves its items to the others and to the caller.
            if !WorkerThread.start(stackSize: 4 << 20, { shared.work(transform) }) {
                shared.workerDidNotStart()
            }
        }
        for index in 0..<count {
            consume(index, shared.take(index, transform))
        }
        shared.waitForWorkers()
    }

    /// The state the workers and the consumer share, guarded by one condition lock.
    private final class Shared: @unchecked Sendable {
        private let condition = ConditionLock()
        private let count: Int
        private let window: Int
        /// The next item a worker (or the caller) will take.
        private var next = 0
        /// Items before this one have been consumed.
        private var consumed = 0
        /// Finished results not yet consumed, by item.
        private var ready: [Int: Result] = [:]
        /// Started workers that have not finished (started or not).
        private var running: Int
        /// Workers waiting for room in the window.
        private var workersWaiting = 0
        /// Whether the caller waits (for a result or for the workers to finish).
        private var callerWaiting = false

        init(count: Int, window: Int, workers: Int) {
            self.count = count
            self.window = window
            self.running = workers
        }

        /// Whether an item may be taken now: one is left and the window has room.
        private var mayTake: Bool { next < count && next - consumed < window }

        /// A worker: take the next item while there is one and the window has room, publish its result.
        func work(_ transform: @Sendable (Int) -> Result) {
            condition.lock()
            while true {
                while next < count && !mayTake {
                    workersWaiting += 1
                    condition.wait()
                    workersWaiting -= 1
                }
                guard next < count else { break }
                runNext(transform)
            }
            running -= 1
            condition.broadcast()
            condition.unlock()
        }

        /// The caller: item `index`'s result, with the window's room freed for it. While it is not
        /// ready, the caller transforms the next untaken item itself, or waits if there is none.
        func take(_ index: Int, _ transform: @Sendable (Int) -> Result) -> Result {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let result = ready.removeValue(forKey: index) {
                    consumed = index + 1
                    if workersWaiting > 0 { condition.broadcast() }
                    return result
                }
                if mayTake {
                    runNext(transform)
                    continue
                }
                callerWaiting = true
                condition.wait()
                callerWaiting = false
            }
        }

        /// Takes the next item, transforms it with the lock released and publishes its result,
        /// waking the caller if it waits for one. Call with the lock held and `mayTake` true.
        private func runNext(_ transform: @Sendable (Int) -> Result) {
            let index = next
            next += 1
            condition.unlock()
            let result = transform(index)
            condition.lock()
            ready[index] = result
            if callerWaiting { condition.broadcast() }
        }

        /// One worker fewer: its thread could not be started.
        func workerDidNotStart() {
            condition.lock()
            running -= 1
            condition.broadcast()
            condition.unlock()
        }

        /// Returns once every worker has left its loop, so none outlives the call.
        func waitForWorkers() {
            condition.lock()
            while running > 0 {
                callerWaiting = true
                condition.wait()
                callerWaiting = false
            }
            condition.unlock()
        }
    }
}
