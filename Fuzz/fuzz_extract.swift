// libFuzzer target over the whole core path: bytes → TextDecoder → ReportExtractor (normalize,
// segment, extract, detect, resolve, check) → the promises of `ExtractedReport.invariantViolations`.
//
// Not a SwiftPM target (`-sanitize=fuzzer` would leak into every build): `scripts/fuzz` compiles
// this file together with the sources of DisclosureKit into one module, so no `import` is needed.
// A trap anywhere in the core, an AddressSanitizer report, or a broken promise (turned into a
// trap below) is a crash for libFuzzer, which saves the input as `crash-<sha1>`.

#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtract(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let decoded: DecodedText
    switch TextDecoder.decode(bytes) {
    case .success(let text): decoded = text
    case .failure(let problem):
        // Every refusal has its one-line reason.
        if problem.message.isEmpty || problem.message.contains("\n") { fatalError("bad message for \(problem)") }
        return 0
    }
    switch ReportExtractor().extract(text: decoded.text, document: "fuzz.txt") {
    case .failure(let problem):
        guard case .notAReport = problem else { fatalError("unexpected failure \(problem)") }
    case .success(let report):
        let problems = report.invariantViolations(lineLimit: ExtractedReport.lineLimit(of: decoded.text))
        if !problems.isEmpty { fatalError("broken promises:\n" + problems.joined(separator: "\n")) }
    }
    return 0
}
