import DisclosureKit

/// Reads and extracts the reports under some paths, one by one, naming every input that
/// cannot be used on stderr: the loop `extract`, `audit` and `compare` share.
///
/// Each file is decoded and extracted, handed to `body`, and dropped before the next one is
/// read, so only one report text is in memory at a time.
enum ReportInput {
    /// Runs `body` on each report; returns `.inputProblem` when any input failed, else `.success`.
    static func forEach(in paths: [String], stderr: inout some TextOutputStream,
                        _ body: (ReportFile, ExtractedReport) -> Void) -> ExitCode {
        let collected = Corpus.collect(paths)
        var status = ExitCode.success
        for failure in collected.failures {
            stderr.write(BureauCompare.diagnostic(failure.line))
            status = .inputProblem
        }
        let loader = ReportLoader()
        for file in collected.files {
            switch loader.load(file) {
            case .success(let report): body(file, report)
            case .failure(let failure):
                stderr.write(BureauCompare.diagnostic(failure.line))
                status = .inputProblem
            }
        }
        return status
    }
}
