import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import DisclosureKit

/// Each encoding a report may arrive in, and each way bytes can fail to be a report.
@Suite struct TextDecoderTests {
    static let sample = "2024 年度包头市工业和信息化局部门决算公开\n公务接待费支出 0.97 万元\n"
    /// U+20000 is a 4-byte character in both UTF-8 and GB18030 and a surrogate pair in UTF-16.
    static let wide = sample + "罕见字 𠀀 结束\n"

    // MARK: Helpers

    static func decoded(_ bytes: [UInt8]) -> DecodedText? {
        try? TextDecoder.decode(bytes).get()
    }

    static func problem(_ bytes: [UInt8]) -> InputProblem? {
        if case .failure(let problem) = TextDecoder.decode(bytes) { return problem }
        return nil
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    /// Encodes `text` as GB18030 with Glibc iconv, independently of the decoder under test.
    static func gb18030(_ text: String) -> [UInt8]? {
        guard let descriptor = iconv_open("GB18030", "UTF-8"), descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let outputCount = output.count
        let left: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outPointer = outBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                guard iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outLeft
            }
        }
        guard let left else { return nil }
        return Array(output.prefix(outputCount - left))
    }

    // MARK: Unicode

    @Test func plainUTF8() throws {
        let result = try #require(Self.decoded(Array(Self.wide.utf8)))
        #expect(result.encoding == .utf8)
        #expect(result.text == Self.wide)
    }

    @Test func utf8BOMIsStripped() throws {
        let result = try #require(Self.decoded([0xEF, 0xBB, 0xBF] + Array(Self.sample.utf8)))
        #expect(result.encoding == .utf8BOM)
        #expect(result.text == Self.sample)
        #expect(result.text.unicodeScalars.first != "\u{FEFF}")
    }

    @Test func utf8BOMFollowedByInvalidBytesIsUndecodable() {
        #expect(Self.problem([0xEF, 0xBB, 0xBF] + Array("公务".utf8) + [0xC3, 0x28]) == .undecodable)
    }

    @Test func utf16LittleEndianWithBOM() throws {
        let result = try #require(Self.decoded(Self.utf16(Self.wide, bigEndian: false)))
        #expect(result.encoding == .utf16LE)
        #expect(result.text == Self.wide)
        #expect(result.text.contains("𠀀"))
    }

    @Test func utf16BigEndianWithBOM() throws {
        let result = try #require(Self.decoded(Self.utf16(Self.wide, bigEndian: true)))
        #expect(result.encoding == .utf16BE)
        #expect(result.text == Self.wide)
    }

    @Test func truncatedUTF16IsUndecodable() {
        let whole = Self.utf16(Self.sample, bigEndian: false)
        #expect(Self.problem(Array(whole.dropLast())) == .undecodable)
        #expect(Self.problem(Array(Self.utf16(Self.sample, bigEndian: true).dropLast())) == .undecodable)
    }

    @Test func loneSurrogateInUTF16IsUndecodable() {
        // FF FE, then "公" (516C), then a high surrogate D840 followed by "A" instead of a low surrogate.
        #expect(Self.problem([0xFF, 0xFE, 0x6C, 0x51, 0x40, 0xD8, 0x41, 0x00]) == .undecodable)
        // A low surrogate with nothing before it, big-endian.
        #expect(Self.problem([0xFE, 0xFF, 0xDC, 0x00, 0x00, 0x41]) == .undecodable)
    }

    // MARK: GB18030

    @Test func gb18030WithFourByteCharacterRoundTrips() throws {
        let bytes = try #require(Self.gb18030(Self.wide))
        // U+20000 is 95 32 82 36 in GB18030: the file really holds a 4-byte sequence.
        #expect(bytes.contains([0x95, 0x32, 0x82, 0x36]))
        // Foundation's GB18030 converter writes the same bytes.
        let viaFoundation = Self.wide.data(using: String.Encoding(rawValue: 0x8000_0632)).map { [UInt8]($0) }
        #expect(viaFoundation == bytes)

        let result = try #require(Self.decoded(bytes))
        #expect(result.encoding == .gb18030)
        #expect(result.text == Self.wide)
    }

    @Test func gbkBytesDecodeAsGB18030() throws {
        // "公务接待费 万元" in GBK/GB2312.
        let gbk: [UInt8] = [0xB9, 0xAB, 0xCE, 0xF1, 0xBD, 0xD3, 0xB4, 0xFD, 0xB7, 0xD1, 0x20, 0xCD, 0xF2, 0xD4, 0xAA]
        let result = try #require(Self.decoded(gbk))
        #expect(result.encoding == .gb18030)
        #expect(result.text == "公务接待费 万元")
    }

    @Test func gb18030CutInsideACharacterIsUndecodable() throws {
        let bytes = try #require(Self.gb18030("公务接待费"))
        #expect(Self.problem(Array(bytes.dropLast())) == .undecodable)
    }

    @Test func bytesValidInNeitherUTF8NorGB18030AreUndecodable() {
        #expect(Self.problem([0xFF, 0xFF, 0xFF]) == .undecodable)
        #expect(Self.problem(Array("公务接待费".utf8) + [0xFF, 0xFF, 0xFF]) == .undecodable)
    }

    // MARK: Line endings

    @Test func lineEndingsAreKept() throws {
        let crlf = Self.sample.replacingOccurrences(of: "\n", with: "\r\n")
        let result = try #require(Self.decoded(Array(crlf.utf8)))
        #expect(Array(result.text.utf8) == Array(crlf.utf8))
        #expect(result.text.utf8.filter { $0 == 0x0D }.count == 2)

        let cr = "公务接待费\r万元\r"
        #expect(Self.decoded(Array(cr.utf8)).map { Array($0.text.utf8) } == Array(cr.utf8))

        let gb = try #require(Self.gb18030(crlf))
        let gbResult = try #require(Self.decoded(gb))
        #expect(gbResult.encoding == .gb18030)
        #expect(Array(gbResult.text.utf8) == Array(crlf.utf8))
    }

    // MARK: Not text

    @Test func emptyAndBlankFilesAreEmpty() {
        #expect(Self.problem([]) == .emptyFile)
        #expect(Self.problem(Array(" \n\t\r\n  \u{0C}\n".utf8)) == .emptyFile)
        #expect(Self.problem([0xEF, 0xBB, 0xBF]) == .emptyFile)
        #expect(Self.problem([0xEF, 0xBB, 0xBF, 0x0A, 0x20]) == .emptyFile)
        #expect(Self.problem([0xFF, 0xFE]) == .emptyFile)
        #expect(Self.problem(Self.utf16(" \r\n", bigEndian: true)) == .emptyFile)
        // Two full-width spaces (U+3000) in GB18030.
        #expect(Self.problem([0xA1, 0xA1, 0xA1, 0xA1, 0x0A]) == .emptyFile)
    }

    @Test func pdfIsRecognized() {
        let header = Array("%PDF-1.7\n".utf8) + [0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A, 0x00, 0x01]
        #expect(Self.problem(header) == .pdf)
        #expect(Self.problem(Array("\n  \r\n%PDF-1.4\n".utf8)) == .pdf)
        #expect(Self.problem([0xEF, 0xBB, 0xBF] + Array("%PDF-1.4".utf8)) == .pdf)
        // Text that merely mentions a PDF is text.
        #expect(Self.decoded(Array("见附件 %PDF 格式\n".utf8))?.encoding == .utf8)
    }

    @Test func randomBinaryWithNULsIsBinary() {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[0] = 0x89  // never a BOM or "%PDF" at the start
        bytes[100] = 0
        #expect(Self.problem(bytes) == .binary)
        // A NUL late in the first 8 KB of otherwise good text still marks binary.
        let text = Array(String(repeating: Self.sample, count: 60).utf8).prefix(8000)
        #expect(Self.problem(Array(text) + [0x00] + Array(Self.sample.utf8)) == .binary)
    }

    @Test func controlBytesWithoutNULAreBinary() {
        // Bytes 1...31 and 127 repeated: no NUL, mostly control bytes.
        let bytes = Array(repeating: Array(UInt8(1)...UInt8(31)) + [0x7F], count: 32).flatMap { $0 }
        #expect(Self.problem(bytes) == .binary)
    }

    @Test func tabsFormFeedsAndEscapesAreText() throws {
        let text = "\u{1B}[1m公务接待费\u{1B}[0m\t0.97\u{0C}\n第二页\r\n"
        let result = try #require(Self.decoded(Array(text.utf8)))
        #expect(result.encoding == .utf8)
        #expect(result.text == text)
        // One stray control byte in a short note does not make it binary.
        #expect(Self.decoded(Array("公务\u{07}接待费\n".utf8))?.encoding == .utf8)
    }

    @Test func encodingNamesAreTheKnownOnes() {
        #expect(TextEncoding.utf8.rawValue == "UTF-8")
        #expect(TextEncoding.utf8BOM.rawValue == "UTF-8 with BOM")
        #expect(TextEncoding.utf16LE.rawValue == "UTF-16LE")
        #expect(TextEncoding.utf16BE.rawValue == "UTF-16BE")
        #expect(TextEncoding.gb18030.rawValue == "GB18030")
    }

    /// `looksBinary` reads eight bytes at a step; it must count what a byte-by-byte reading of its
    /// definition counts, wherever the control bytes fall.
    @Test func binarySniffCountsLikeItsDefinition() {
        func definition(_ bytes: [UInt8]) -> Bool {
            let sample = bytes.prefix(TextDecoder.sniffLength)
            if sample.contains(0) { return true }
            let controls = sample.filter { ($0 < 0x20 || $0 == 0x7F) && ![0x09, 0x0A, 0x0C, 0x0D, 0x1B].contains($0) }.count
            return controls >= 4 && controls * 20 > sample.count
        }
        var generator = SplitMix64(seed: 11)
        let alphabet: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xE4, 0xFF]
        for _ in 0..<3_000 {
            let length = generator.below(70)
            let common = generator.below(2) == 0 ? 0x41 : 0xE4
            let bytes = (0..<length).map { _ in generator.below(6) == 0 ? alphabet[generator.below(alphabet.count)] : UInt8(common) }
            #expect(TextDecoder.looksBinary(bytes) == definition(bytes), "\(bytes)")
        }
        // Long samples (sixteen bytes at a step, the lanes added up every 255 steps, the sample
        // cut at 8 KB), with control bytes few or many, near the threshold of 5 %.
        for _ in 0..<300 {
            let length = 4_000 + generator.below(6_000)
            let rate = 10 + generator.below(20)
            let common = generator.below(2) == 0 ? 0x41 : 0xE4
            let bytes = (0..<length).map { _ in
                generator.below(rate) == 0 ? alphabet[1 + generator.below(alphabet.count - 1)] : UInt8(common)
            }
            #expect(TextDecoder.looksBinary(bytes) == definition(bytes))
            var withNul = bytes
            withNul[generator.below(length)] = 0
            #expect(TextDecoder.looksBinary(withNul) == definition(withNul))
        }
    }
}
