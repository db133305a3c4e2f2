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
    /// By code (`lead << 8 | trail`, every pair of bytes): the UTF-8 of its character, in the
    /// low bytes of the word, and its length in the top byte; 0 for a pair that is no two-byte
    /// code (a lead 0x81…0xFE, a trail 0x40…0xFE but 0x7F) and for a code left to iconv. Every
    /// pair has a slot, so that one look tells a code that reads from all else.
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
        // A two-byte code writes at most three bytes for its two, a four-byte one at most four,
        // so the text fits in 1.5 × the input; the whole words stored (four bytes for a code,
        // eight for ASCII) are each checked against the room.
        let output = [UInt8](unsafeUninitializedCapacity: count + count / 2 + 4) { out, initialized in
            table.withUnsafeBufferPointer { table in
                guard count > 0 else { initialized = 0; return }
                guard let outBase = out.baseAddress, let inBase = bytes.baseAddress, let entries = table.baseAddress,
                      table.count == 0x1_0000 else { failed = true; return }
                let capacity = out.count
                let outRaw = UnsafeMutableRawPointer(outBase)
                let inRaw = UnsafeRawPointer(inBase)
                var i = 0
                var w = 0
                while i < count {
                    let lead = inBase[i]
                    // A two-byte code, most of such a text: one look, and its whole word stored
                    // (the bytes after the character's are written over next, or lie past the
                    // end of the text).
                    if lead > 0x80, i &+ 1 < count, w &+ 4 <= capacity {
                        let entry = entries[Int(lead) &<< 8 | Int(inBase[i &+ 1])]
                        if entry != 0 {
                            outRaw.storeBytes(of: entry.littleEndian, toByteOffset: w, as: UInt32.self)
                            w &+= Int(entry >> 24)
                            i &+= 2
                            continue
                        }
                    }
                    if lead < 0x80 {
                        // Eight bytes of ASCII at a step, copied as one word.
                        if i &+ 8 <= count, w &+ 8 <= capacity {
                            let word = inRaw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                            if word & 0x8080_8080_8080_8080 == 0 {
                                outRaw.storeBytes(of: word, toByteOffset: w, as: UInt64.self)
                                w &+= 8
                                i &+= 8
                                continue
                            }
                        }
                        outBase[w] = lead
                        w &+= 1
                        i &+= 1
                        continue
                    }
                    // Not a two-byte code the table reads: a four-byte code, or text the table
                    // leaves to iconv.
                    guard lead >= 0x81, lead <= 0xFE, i &+ 3 < count, inBase[i &+ 1] &- 0x30 < 10,
                          let written = convertFourBytes(bytes, at: i, into: UnsafeMutableBufferPointer(rebasing: out[w...]), &fourByte)
                    else { failed = true; break }
                    w &+= written
                    i &+= 4
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
            return (0x81 + lead) << 8 | (0x40 + (trail < 0x7F - 0x40 ? trail : trail + 1))
        }
        var table = [UInt32](repeating: 0, count: 0x1_0000)
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
