import Testing
@testable import DisclosureKit

/// A file that seems UTF-8 is checked as it is read (`TextDecoder.sniff`, then
/// `Normalizer.normalize(unvalidatedUTF8:)`), not validated in a pass before; it must come to
/// what validating first gave (`TextDecoder.decode`, then `extract(utf8:)`), on well-formed text,
/// text with a replacement character written as such, and text that is ill-formed anywhere
/// (in the first kilobytes, where the sniff sees it, and past them, where only the reader does).
@Suite("Reading unchecked UTF-8 comes to what validating first gave")
struct UncheckedUTF8Tests {
    /// The outcome of the loader's text path, as comparable text.
    static func loaded(_ bytes: [UInt8]) -> String {
        describe(ReportLoader().loadText(bytes, ReportFile(path: "/x/report.txt")))
    }

    /// The outcome of decoding first, then extracting.
    static func decodedFirst(_ bytes: [UInt8]) -> String {
        describe(TextDecoder.decode(bytes).flatMap { decoded in
            ReportExtractor().extract(utf8: decoded.utf8, document: "report.txt").map { extracted in
                var report = extracted
                decoded.utf8.withUnsafeBufferPointer { report.pages = PageMap(utf8: $0) }
                return report
            }
        })
    }

    static func describe(_ result: Result<ExtractedReport, InputProblem>) -> String {
        switch result {
        case .success(let report):
            return report.figures.map { "\($0.metric.rawValue)=\($0.formattedValue)@\($0.source?.line ?? 0)" }.joined(separator: ",")
                + "|\(report.metadata.bureau ?? "")|\(report.metadata.fiscalYear ?? 0)|\(report.findings.count)"
        case .failure(let problem):
            return "failure: \(problem)"
        }
    }

    @Test("well-formed text, a written U+FFFD, and ill-formed bytes before and past the sniffed kilobytes")
    func sameOutcome() throws {
        let base = Array(try TestSupport.text("huairen-2024-final.txt").utf8)
        var random = SplitMix64(seed: 51)
        let insertions: [[UInt8]] = [
            Array("\u{FFFD}".utf8), [0xFF], [0xC0, 0x80], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0x80], [0xF4, 0x90, 0x80, 0x80],
        ]
        var outcomes: Set<String> = []
        for round in 0..<60 {
            var bytes = base
            let insertion = insertions[round % insertions.count]
            // Within the first 8 KB for a third of the rounds, past them for the others.
            let at = round % 3 == 0 ? random.below(8_000) : 9_000 + random.below(bytes.count - 9_000)
            bytes.insert(contentsOf: insertion, at: at)
            let expected = Self.decodedFirst(bytes)
            #expect(Self.loaded(bytes) == expected, "\(insertion) at \(at)")
            outcomes.insert(expected.hasPrefix("failure") ? "failure" : "report")
        }
        #expect(Self.loaded(base) == Self.decodedFirst(base))
        #expect(outcomes == ["failure", "report"])
    }

    @Test("GB18030 whose first kilobytes are ASCII is found out by the reader and decoded as GB18030")
    func lateGB18030() throws {
        let text = String(repeating: "2024 0.97 100.00 ", count: 600) + "\n" + (try TestSupport.text("wuhai-2023-final.txt"))
        let bytes = try #require(TextDecoderTests.gb18030(text))
        #expect(bytes.count > TextDecoder.sniffLength && bytes.count > TextDecoder.utf8CheckLength)
        guard case .success(.utf8Unchecked) = TextDecoder.sniff(bytes) else {
            Issue.record("the sniff should leave this file to the reader")
            return
        }
        let outcome = Self.loaded(bytes)
        #expect(outcome == Self.decodedFirst(bytes))
        #expect(outcome.contains("乌海市工业和信息化局"), "\(outcome)")
    }

    @Test("a file of white space alone, however it is spelled, is empty")
    func blank() {
        for text in ["   \n\t", "\u{3000}\u{3000}\n", "\u{FEFF} \u{2003}\n"] {
            #expect(Self.loaded(Array(text.utf8)) == "failure: \(InputProblem.emptyFile)")
        }
    }
}
