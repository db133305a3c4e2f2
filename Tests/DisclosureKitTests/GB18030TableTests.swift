import Testing
@testable import DisclosureKit

/// GB18030 through the table of iconv's answers (`GB18030Table`) is iconv's text, or defers to
/// iconv: on the datasets re-encoded, on random characters (two- and four-byte codes), and on
/// random bytes, valid or not.
@Suite("GB18030 by the table is GB18030 by iconv")
struct GB18030TableTests {
    /// iconv's UTF-8 for `bytes`, or nil where iconv refuses them.
    static func byIconv(_ bytes: [UInt8]) -> [UInt8]? {
        if case .decoded(let text) = TextDecoder.iconvGB18030(bytes) { return text }
        return nil
    }

    static func byTable(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { GB18030Table.decodeByTable($0) }
    }

    @Test("the datasets, re-encoded, read the same both ways")
    func datasets() throws {
        for name in TestSupport.datasetNames {
            let bytes = try #require(TextDecoderTests.gb18030(try TestSupport.text(name)))
            let table = try #require(Self.byTable(bytes), "\(name) is GBK text: the table reads it")
            #expect(table == Self.byIconv(bytes), "\(name)")
        }
    }

    @Test("random characters, among them four-byte codes, read the same both ways")
    func randomCharacters() throws {
        // Ideographs, punctuation and symbols of GBK, and characters GB18030 gives four bytes
        // (U+20000, U+00B7 in some versions, U+2022, an emoji), with ASCII.
        let pieces: [String] = ["中", "预", "算", "，", "。", "（", "“", "—", "①", "≤", "·", "•", "𠀀", "😀", "€", "\u{FEFF}",
                                "a", "1", " ", "\n", "\t", "\u{E5E5}", "ぁ", "Ω",
                                // Runs of ASCII of many lengths: the table copies eight bytes at a step.
                                "12345", "0.97 万元", "abcdefgh", "abcdefghijklmnopq"]
        var random = SplitMix64(seed: 71)
        var sawFourByte = false
        for _ in 0..<500 {
            let text = (0..<random.below(60)).map { _ in pieces[random.below(pieces.count)] }.joined()
            guard let bytes = TextDecoderTests.gb18030(text) else { continue }
            let table = Self.byTable(bytes)
            #expect(table == Self.byIconv(bytes), "\(text.debugDescription)")
            #expect(table.map { String(decoding: $0, as: UTF8.self) } == text)
            if bytes.count > text.utf8.count / 2, text.contains("𠀀") { sawFourByte = true }
        }
        #expect(sawFourByte)
    }

    @Test("random bytes: the table gives iconv's text or leaves them to iconv")
    func randomBytes() {
        var random = SplitMix64(seed: 72)
        var read = 0
        for _ in 0..<3_000 {
            let bytes = (0..<random.below(24)).map { _ -> UInt8 in
                // Mostly lead and trail bytes, so that many strings are valid.
                random.oneIn(3) ? UInt8(random.below(0x80)) : UInt8(0x80 + random.below(0x80))
            }
            guard let table = Self.byTable(bytes) else { continue }
            read += 1
            #expect(table == Self.byIconv(bytes), "\(bytes)")
        }
        #expect(read > 300)
    }

    @Test("a process uses the table only from its fourth GB18030 file")
    func fromTheFourthFile() throws {
        let bytes = try #require(TextDecoderTests.gb18030("公务接待费支出 0.97 万元"))
        // Whatever files came before in this process, a few more calls reach the table, and from
        // then on every call reads through it.
        var results: [Bool] = []
        for _ in 0..<(GB18030Table.filesBeforeTable + 2) {
            results.append(bytes.withUnsafeBufferPointer { GB18030Table.decode($0) } != nil)
        }
        #expect(results.last == true)
        #expect(results.drop { !$0 }.allSatisfy { $0 })
        #expect(TextDecoder.decodeGB18030(bytes) == Self.byIconv(bytes))
    }
}
