/// Runs `transform` on items 0..<count across worker threads and hands each result to `consume`
/// on the calling thread, in item order, as soon as it and all before it are ready.
///
/// Why not `withTaskGroup` or `concurrentPerform`: the command layer is synchronous (it writes to
/// `inout` streams), results must come out in input order whatever finished first, and at most
/// `window` results may wait unconsumed, so memory stays one report per worker plus the window
/// however many thousand files there are. A worker that runs `window` items ahead of the consumer
/// waits.
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
        let shared = Shared(count: count, window: window, workers: workers)
        var started = 0
        for _ in 0..<workers {
            // Extraction is iterative; 4 MB leaves room for the standard library's own recursion.
            if WorkerThread.start(stackSize: 4 << 20, { shared.work(transform) }) {
                started += 1
            } else {
                shared.workerDidNotStart()
            }
        }
        // No thread to be had: everything on the calling thread, as with one worker.
        guard started > 0 else {
            for index in 0..<count { consume(index, transform(index)) }
            return
        }
        for index in 0..<count {
            consume(index, shared.take(index))
        }
        shared.waitForWorkers()
    }

    /// The state the workers and the consumer share, guarded by one condition lock.
    private final class Shared: @unchecked Sendable {
        private let condition = ConditionLock()
        private let count: Int
        private let window: Int
        /// The next item a worker will take.
        private var next = 0
        /// Items before this one have been consumed.
        private var consumed = 0
        /// Finished results not yet consumed, by item.
        private var ready: [Int: Result] = [:]
        /// Workers that have not finished (started or not).
        private var running: Int

        init(count: Int, window: Int, workers: Int) {
            self.count = count
            self.window = window
            self.running = workers
        }

        /// A worker: take the next item while there is one and the window has room, publish its result.
        func work(_ transform: @Sendable (Int) -> Result) {
            condition.lock()
            while true {
                while next < count && next - consumed >= window { condition.wait() }
                guard next < count else { break }
                let index = next
                next += 1
                condition.unlock()
                let result = transform(index)
                condition.lock()
                ready[index] = result
                condition.broadcast()
            }
            running -= 1
            condition.broadcast()
            condition.unlock()
        }

        /// The consumer: wait for item `index`, then free its place in the window.
        func take(_ index: Int) -> Result {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let result = ready.removeValue(forKey: index) {
                    consumed = index + 1
                    condition.broadcast()
                    return result
                }
                condition.wait()
            }
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
            while running > 0 { condition.wait() }
            condition.unlock()
        }
    }
}
