/// A one-line `312 of 10,000 reports (3%)` counter on stderr while a long run reads its inputs.
///
/// Shown only when stderr is a terminal (a log file or a test must not collect carriage returns) and
/// only once the run has lasted `delay` (a run of five reports finishes before anyone could read it).
/// The line is redrawn at most every `interval` and erased at the end, so what follows on stderr
/// (warnings, the summary) starts on a clean line.
struct ProgressLine {
    static let delay: Duration = .seconds(1)
    static let interval: Duration = .milliseconds(100)

    let total: Int
    let enabled: Bool
    let delay: Duration
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant?

    init(total: Int, enabled: Bool, delay: Duration = ProgressLine.delay) {
        self.total = total
        self.enabled = enabled
        self.delay = delay
        self.start = clock.now
    }

    /// Redraws the line after `done` reports, when it is due.
    mutating func update(done: Int, stderr: inout some TextOutputStream) {
        guard enabled else { return }
        let now = clock.now
        guard now - start >= delay else { return }
        if let lastDrawn, now - lastDrawn < Self.interval { return }
        lastDrawn = now
        stderr.write("\r" + Self.text(done: done, total: total) + "\u{1B}[K")
    }

    /// Erases the line if it was drawn.
    mutating func finish(stderr: inout some TextOutputStream) {
        guard lastDrawn != nil else { return }
        stderr.write("\r\u{1B}[K")
        lastDrawn = nil
    }

    /// `312 of 10,000 reports (3%)`.
    static func text(done: Int, total: Int) -> String {
        let percent = total > 0 ? done * 100 / total : 100
        return "\(grouped(done)) of \(grouped(total)) reports (\(percent)%)"
    }

    /// `10000` → `10,000`.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number.magnitude))
        var out = number < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
