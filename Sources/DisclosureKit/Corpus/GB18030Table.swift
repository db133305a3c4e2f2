#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// How many GB18030 files this process has decoded: the table is worth building from the fourth.
private let filesSeen = Atomic<Int>(0)

/// Decodes GB18030 — ASCII and the two-byte codes (all of GBK) by a table of what the C library's
/// iconv makes of each two-byte code, the rare four-byte codes by iconv one at a time — and leaves
/// anything it cannot read to iconv itself.
///
/// Why: iconv converts GB18030 at some fifty instructions a byte, for a twentieth of a corpus's
/// files a twentieth of the run. The table is iconv's own answer for each of the 23,940 two-byte
/// codes (GB18030 is stateless: a code always stands for the same character), asked in one
/// conversion, so decoding through it gives iconv's bytes by construction. It costs a few million
/// instructions to build, so a process uses it only from its fourth GB18030 file on: one file
/// converted by iconv alone is cheaper than the table. A file with a byte no code starts with, a
/// code iconv refuses or one cut at the end returns nil, and goes to iconv whole
/// (`TextDecoder.decodeGB18030`), which decides as before.
enum GB18030Table {
    /// By code (`(lead - 0x81) * 191 + (trail - 0x40)`): the UTF-8 of its character, in the low
    /// bytes of the word, and its length in the top byte; 0 for a code left to iconv.
    private static let table: [UInt32]? = build()

    /// Leads 0x81…0xFE, trails 0x40…0xFE (0x7F is not a trail byte and has no entry).
    private static let trailCount = 0xFF - 0x40

    /// Files decoded by iconv alone before the table is built.
    static let filesBeforeTable = 3

    /// The UTF-8 of `bytes`, or nil when the file is one of the process's first GB18030 files or
    /// holds something the table cannot read (see the type's comment): then iconv decodes it.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard filesSeen.add(1, ordering: .relaxed).newValue > filesBeforeTable else { return nil }
        return decodeByTable(bytes)
    }

    /// `decode` without the count of files: the table from the first file (for tests).
    static func decodeByTable(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let table else { return nil }
        let count = bytes.count
        var failed = false
        // Opened at the first four-byte code, if one comes (a descriptor is one thread's).
        var fourByte: iconv_t?
        defer { if let fourByte { iconv_close(fourByte) } }
        // A two-byte code writes at most three bytes for its two, a four-byte one at most four.
        let output = [UInt8](unsafeUninitializedCapacity: count + count / 2 + 4) { out, initialized in
            table.withUnsafeBufferPointer { table in
                var i = 0
                var w = 0
                while i < count {
                    let lead = bytes[i]
                    if lead < 0x80 {
                        out[w] = lead
                        w &+= 1
                        i &+= 1
                        continue
                    }
                    guard lead >= 0x81, lead <= 0xFE, i &+ 1 < count else { failed = true; break }
                    let trail = bytes[i &+ 1]
                    if trail >= 0x30 && trail <= 0x39 {
                        guard i &+ 3 < count,
                              let written = convertFourBytes(bytes, at: i, into: UnsafeMutableBufferPointer(rebasing: out[w...]), &fourByte)
                        else { failed = true; break }
                        w &+= written
                        i &+= 4
                        continue
                    }
                    guard trail >= 0x40, trail <= 0xFE else { failed = true; break }
                    let entry = table[Int(lead &- 0x81) &* trailCount &+ Int(trail &- 0x40)]
                    let length = Int(entry >> 24)
                    guard length > 0 else { failed = true; break }
                    out[w] = UInt8(truncatingIfNeeded: entry)
                    if length > 1 { out[w &+ 1] = UInt8(truncatingIfNeeded: entry >> 8) }
                    if length > 2 { out[w &+ 2] = UInt8(truncatingIfNeeded: entry >> 16) }
                    w &+= length
                    i &+= 2
                }
                initialized = failed ? 0 : w
            }
        }
        return failed ? nil : output
    }

    /// iconv's UTF-8 for the four-byte code at `i`, written to `out` (room for four bytes); the
    /// number of bytes written, or nil when iconv refuses it.
    private static func convertFourBytes(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into out: UnsafeMutableBufferPointer<UInt8>,
                                         _ descriptor: inout iconv_t?) -> Int? {
        if descriptor == nil {
            guard let opened = iconv_open("UTF-8", "GB18030"), opened != iconv_t(bitPattern: -1) else { return nil }
            descriptor = opened
        }
        guard let descriptor, let input = bytes.baseAddress, let output = out.baseAddress, out.count >= 4 else { return nil }
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: input + i).assumingMemoryBound(to: CChar.self)
        var inLeft = 4
        var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output).assumingMemoryBound(to: CChar.self)
        var outLeft = 4
        guard iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
        return 4 - outLeft
    }

    /// iconv's UTF-8 for each two-byte code; nil when iconv has no GB18030.
    ///
    /// All codes in one conversion, each followed by a line feed (which no code's character is):
    /// the output, cut at its line feeds, is each code's character in turn. A code iconv refuses
    /// is left out of the table and the conversion goes on after it.
    private static func build() -> [UInt32]? {
        guard let descriptor = iconv_open("UTF-8", "GB18030"), descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        let leads = 0xFE - 0x81 + 1
        let trails = trailCount - 1
        let codeCount = leads * trails
        // The codes in order (lead, then trail without 0x7F), three bytes each.
        var input = [UInt8](unsafeUninitializedCapacity: codeCount * 3) { input, initialized in
            var w = 0
            for lead in 0x81...0xFE {
                for trail in 0x40...0xFE where trail != 0x7F {
                    input[w] = UInt8(lead)
                    input[w + 1] = UInt8(trail)
                    input[w + 2] = 0x0A
                    w += 3
                }
            }
            initialized = w
        }
        /// The table slot of the `n`th code in `input`.
        func slot(_ n: Int) -> Int {
            let lead = n / trails
            let trail = n % trails
            return lead * trailCount + (trail < 0x7F - 0x40 ? trail : trail + 1)
        }
        var table = [UInt32](repeating: 0, count: leads * trailCount)
        var output = [UInt8](repeating: 0, count: input.count * 2)
        var next = 0
        input.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                guard let inBase = input.baseAddress, let outBase = output.baseAddress else { return }
                while next < codeCount {
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase + 3 * next).assumingMemoryBound(to: CChar.self)
                    var inLeft = input.count - 3 * next
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                    var outLeft = output.count
                    _ = iconv(descriptor, nil, nil, nil, nil)
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    // The codes converted before any stop: their characters, cut at the line feeds.
                    let produced = output.count - outLeft
                    var start = 0
                    for k in 0..<produced where outBase[k] == 0x0A {
                        let length = k - start
                        if length >= 1, length <= 3, next < codeCount {
                            var entry = UInt32(length) << 24
                            for j in 0..<length { entry |= UInt32(outBase[start + j]) << (8 * UInt32(j)) }
                            table[slot(next)] = entry
                        }
                        next += 1
                        start = k + 1
                    }
                    if result != -1 { break }
                    // A code iconv refused: left out; go on with the one after it.
                    next += 1
                }
            }
        }
        return table
    }
}
