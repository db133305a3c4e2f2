import Foundation
import Testing
@testable import DisclosureKit

/// Re-encoded datasets (GB18030, UTF-8 with BOM and CRLF, UTF-16 with BOM) decode and give
/// the same figures; so does every re-shaping at once.
@Suite("Encoded dataset variants give the same figures")
struct EncodingVariantTests {
    enum Encoding: String, CaseIterable, Sendable {
        case gb18030, utf8BOMCRLF, utf16LEBOM, everythingAtOnce
    }

    struct Case: Sendable, CustomStringConvertible {
        let document: String
        let encoding: Encoding
        var description: String { "\(document) \(encoding.rawValue)" }
    }

    static let cases: [Case] = TestSupport.datasetNames.flatMap { d in Encoding.allCases.map { Case(document: d, encoding: $0) } }

    static func bytes(_ text: String, _ e: Encoding) throws -> [UInt8] {
        switch e {
        case .gb18030:
            return Array(try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632))))
        case .utf8BOMCRLF:
            return [0xEF, 0xBB, 0xBF] + Array(ReportVariants.crlf(text).utf8)
        case .utf16LEBOM:
            var out: [UInt8] = [0xFF, 0xFE]
            for unit in text.utf16 { out += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            return out
        case .everythingAtOnce:
            let reshaped = ReportVariants.crlf(ReportVariants.hardWrapped(ReportVariants.fullWidth(ReportVariants.inYuan(text))))
            return Array(try #require(reshaped.data(using: String.Encoding(rawValue: 0x8000_0632))))
        }
    }

    @Test("encoded variant reproduces every expected row", arguments: cases)
    func encoded(_ c: Case) throws {
        let data = try Self.bytes(try TestSupport.text(c.document), c.encoding)
        let decoded = try TextDecoder.decode(data).get()
        switch c.encoding {
        case .gb18030, .everythingAtOnce: #expect(decoded.encoding == .gb18030)
        case .utf8BOMCRLF: #expect(decoded.encoding == .utf8BOM)
        case .utf16LEBOM: #expect(decoded.encoding == .utf16LE)
        }
        let report = try TestSupport.extract(decoded.text, document: "neutral-name.txt")
        try VariantTests.assertMatchesOracle(report, document: c.document)
    }
}
