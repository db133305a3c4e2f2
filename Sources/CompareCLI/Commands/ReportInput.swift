import DisclosureKit
#if canImport(Glibc)
import Glibc
#endif

/// Reads and extracts the reports under some paths, naming every input that cannot be used on
/// stderr: the loop `extract`, `audit`, `compare` and `briefing` share.
///
/// Files are read and extracted on all cores (`OrderedParallelMap`), and handed to `body` on the
/// calling thread in the order `Corpus.collect` listed them, so the output does not depend on which
/// worker finished first. Each worker holds one report text at a time and a few finished reports wait
/// for `body`, so memory does not grow with the number of files; what `body` keeps is its own affair.
enum ReportInput {
    /// The environment variable that sets the number of worker threads (default: the cores available).
    static let jobsVariable = "BUREAU_COMPARE_JOBS"

    /// Runs `body` on each report; returns `.inputProblem` when any input failed, else `.success`.
    /// A progress line is drawn on stderr when `terminal` says stderr is a terminal and the run is long.
    static func forEach(in paths: [String], stderr: inout some TextOutputStream, terminal: Terminal = .captured,
                        _ body: (ReportFile, ExtractedReport) -> Void) -> ExitCode {
        forEach(in: paths, stderr: &stderr, terminal: terminal, prepare: { $1 }, body)
    }


    /// `forEach` with a first step, `prepare`, run on the worker that extracted the report: what
    /// depends on one report alone (its rows as text, its compact record) is built on all cores,
    /// and `body`, on the calling thread, only puts the pieces in order. With the rendering on the
    /// calling thread, that thread had as much to do as a worker and a two-core run waited on it.
    /// `extractor` audits unless the caller prints no finding (`ReportExtractor(audits:)`).
    static func forEach<Prepared: Sendable>(
        in paths: [String], stderr: inout some TextOutputStream, terminal: Terminal = .captured,
        extractor: ReportExtractor = ReportExtractor(),
        prepare: @escaping @Sendable (ReportFile, ExtractedReport) -> Prepared,
        _ body: (ReportFile, Prepared) -> Void
    ) -> ExitCode {
        let collected = Corpus.collect(paths)
        var status = ExitCode.success
        for failure in collected.failures {
            stderr.write(BureauCompare.diagnostic(failure.line))
            status = .inputProblem
        }
        let files = collected.files
        let loader = ReportLoader(extractor: extractor)
        var progress = ProgressLine(total: files.count, enabled: terminal.stderrIsTTY)
        OrderedParallelMap<Result<Prepared, InputFailure>>(count: files.count, workers: workerCount())
            .run({ index in loader.load(files[index]).map { prepare(files[index], $0) } }) { index, prepared in
                switch prepared {
                case .success(let value):
                    body(files[index], value)
                case .failure(let failure):
                    progress.finish(stderr: &stderr)
                    stderr.write(BureauCompare.diagnostic(failure.line))
                    status = .inputProblem
                }
                progress.update(done: index + 1, stderr: &stderr)
            }
        progress.finish(stderr: &stderr)
        return status
    }

    /// `$BUREAU_COMPARE_JOBS` when it is a positive number, else the processors this process may use.
    static func workerCount() -> Int {
        if let value = getenv(jobsVariable).map({ String(cString: $0) }), let jobs = Int(value), jobs > 0 {
            return min(jobs, 256)
        }
        return availableProcessors()
    }

    /// The processors this process may run on: its affinity mask (what `taskset` or a
    /// container's CPU set allows), else the processors online.
    ///
    /// The mask is read from `/proc/self/status` (`Cpus_allowed:	3` → 2): `sched_getaffinity` is
    /// a GNU extension the C module does not export.
    static func availableProcessors() -> Int {
        if let mask = firstLine(startingWith: "Cpus_allowed:", inFile: "/proc/self/status") {
            let count = processors(inMask: mask)
            if count > 0 { return count }
        }
        return max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// The bits set in a hexadecimal CPU mask as the kernel prints it (`ff,ffffffff` → 40);
    /// other characters count nothing.
    static func processors(inMask mask: String) -> Int {
        mask.unicodeScalars.reduce(0) { count, digit in count + (Int(String(digit), radix: 16)?.nonzeroBitCount ?? 0) }
    }

    /// The rest of the first line of a small file that starts with `prefix`, trimmed of blanks.
    static func firstLine(startingWith prefix: String, inFile path: String) -> String? {
        guard case .success(let bytes) = Corpus.readBytes(ReportFile(path: path)) else { return nil }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix(prefix) {
            return String(line.dropFirst(prefix.count).filter { $0 != "\t" && $0 != " " })
        }
        return nil
    }
}
