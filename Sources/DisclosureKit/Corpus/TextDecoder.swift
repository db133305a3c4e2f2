#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a report file into text, finding the encoding the way the files in the wild need it.
///
/// Reports converted from PDF arrive as UTF-8 (`pdftotext`), UTF-8 with a BOM or UTF-16 (Windows tools), or
/// GB18030/GBK (older Chinese software). `String(contentsOfFile:usedEncoding:)` does not detect GB18030 and
/// `String(data:encoding:.utf16)` guesses big-endian without a BOM, so the detection is done here, in this order:
///
/// 1. nothing but whitespace and byte order marks → `.emptyFile`
/// 2. `%PDF` at the start (after optional whitespace) → `.pdf`: not text; `ReportLoader` checks for this
///    first and has the file converted by `pdftotext` instead
/// 3. a UTF-8 BOM → UTF-8 without the mark; a UTF-16 BOM → UTF-16 of that byte order
/// 4. a NUL byte or many control bytes in the first 8 KB → `.binary`
/// 5. valid UTF-8 → UTF-8; otherwise GB18030 through Glibc iconv (which also reads GBK and GB2312)
///
/// Line endings are kept as they are: `公务接待费支出 0.97 万元\r\n` decodes with its `\r\n`.
/// Every step is linear in the input, so a 100 MB file is read in one pass per step.
public enum TextDecoder {
    /// How many leading bytes the binary test looks at: enough to see a file's header and first lines.
    static let sniffLength = 8 * 1024

    /// How many leading bytes `sniff` checks for UTF-8 before it leaves a file to the reader.
    /// Only a guess that saves work, never a decision (the reader checks the rest, and `decode`
    /// takes over when it fails): text in another encoding shows it within its first lines, and
    /// the UTF-8 files, nearly all of a corpus, were each checked over 8 KB for nothing.
    static let utf8CheckLength = 1024

    /// What the first steps tell of a file's bytes.
    public enum Sniffed: Sendable {
        /// Text decoded (a byte order mark, or GB18030).
        case decoded(DecodedText)
        /// UTF-8 unless an ill-formed sequence says otherwise: no mark, not binary, a first scalar
        /// other than white space. The rest is checked by the reader (`Normalizer.normalize(unvalidatedUTF8:)`),
        /// and `decode` takes over when it fails.
        case utf8Unchecked
    }

    /// Steps 1–4, and the start of 5: `decode` without checking the whole of a file that seems
    /// UTF-8. `decode(bytes)` gives the same text or problem as `sniff(bytes)` followed, for
    /// `.utf8Unchecked`, by the bytes when they are well-formed and by `decode(bytes)` when not.
    public static func sniff(_ bytes: [UInt8]) -> Result<Sniffed, InputProblem> {
        if isBlank(bytes) { return .failure(.emptyFile) }
        if startsWithPDFHeader(bytes) { return .failure(.pdf) }
        if hasPrefix(bytes, [0xEF, 0xBB, 0xBF]) || hasPrefix(bytes, [0xFF, 0xFE]) || hasPrefix(bytes, [0xFE, 0xFF]) {
            return decode(bytes).map { .decoded($0) }
        }
        if looksBinary(bytes) { return .failure(.binary) }
        switch leadingBlankness(bytes) {
        case .blank:
            return .failure(.emptyFile)
        case .textFollows where bytes.withUnsafeBufferPointer({ UTF8Validator.isValidPrefix($0, upTo: utf8CheckLength) }):
            return .success(.utf8Unchecked)
        case .textFollows, .illFormed:
            return decodeUnmarked(bytes).map { .decoded($0) }
        }
    }

    /// Decodes `bytes`, or says why they are not a text report.
    public static func decode(_ bytes: [UInt8]) -> Result<DecodedText, InputProblem> {
        if isBlank(bytes) { return .failure(.emptyFile) }
        if startsWithPDFHeader(bytes) { return .failure(.pdf) }

        let decoded: DecodedText
        if hasPrefix(bytes, [0xEF, 0xBB, 0xBF]) {
            let text = bytes.dropFirst(3)
            guard UTF8Validator.isValid(text) else { return .failure(.undecodable) }
            decoded = DecodedText(validUTF8: Array(text), encoding: .utf8BOM)
        } else if hasPrefix(bytes, [0xFF, 0xFE]) {
            guard let text = decodeUTF16(bytes.dropFirst(2), bigEndian: false) else {
                return .failure(.undecodable)
            }
            decoded = DecodedText(text: text, encoding: .utf16LE)
        } else if hasPrefix(bytes, [0xFE, 0xFF]) {
            guard let text = decodeUTF16(bytes.dropFirst(2), bigEndian: true) else {
                return .failure(.undecodable)
            }
            decoded = DecodedText(text: text, encoding: .utf16BE)
        } else if looksBinary(bytes) {
            return .failure(.binary)
        } else {
            return decodeUnmarked(bytes)
        }

        // A BOM file of white space alone holds no text either.
        if isBlank(decoded) { return .failure(.emptyFile) }
        return .success(decoded)
    }

    /// Step 5 of `decode`, for bytes that the steps before let through (not blank, no PDF, no
    /// byte order mark, not binary): `sniff` has asked those already, and asked them again
    /// (the binary test reads 8 KB) for every file in another encoding than UTF-8.
    static func decodeUnmarked(_ bytes: [UInt8]) -> Result<DecodedText, InputProblem> {
        let decoded: DecodedText
        if UTF8Validator.isValid(bytes) {
            decoded = DecodedText(validUTF8: bytes, encoding: .utf8)
        } else if let text = decodeGB18030(bytes) {
            decoded = DecodedText(validUTF8: text, encoding: .gb18030)
        } else {
            return .failure(.undecodable)
        }
        // A GB18030 file of full-width spaces (A1 A1) holds no text either.
        if isBlank(decoded) { return .failure(.emptyFile) }
        return .success(decoded)
    }

    // MARK: - Sniffing

    /// True when `bytes` begins with `prefix`.
    static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && bytes.starts(with: prefix)
    }

    /// True for ASCII whitespace, including the vertical tab and form feed `pdftotext` puts between pages.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return true
        default: return false
        }
    }

    /// True when the bytes hold only ASCII whitespace and UTF-8 byte order marks (0 bytes included).
    ///
    /// Stops at the first other byte, so a real report costs a few comparisons.
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        droppingLeadingBlanks(bytes).isEmpty
    }

    /// The bytes after any leading ASCII whitespace and UTF-8 byte order marks.
    static func droppingLeadingBlanks(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var rest = bytes[...]
        while let first = rest.first {
            if isASCIIWhitespace(first) {
                rest = rest.dropFirst()
            } else if rest.starts(with: [0xEF, 0xBB, 0xBF]) {
                rest = rest.dropFirst(3)
            } else {
                break
            }
        }
        return rest
    }

    /// What UTF-8 bytes start with, read as far as it takes to know: only white space and byte
    /// order marks to the end (`isBlank` of their text), an ill-formed sequence before anything
    /// else, or some other scalar first.
    enum LeadingBlankness { case blank, illFormed, textFollows }

    static func leadingBlankness(_ bytes: [UInt8]) -> LeadingBlankness {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if !(scalar.properties.isWhitespace || scalar.value == 0xFEFF) { return .textFollows }
            case .emptyInput: return .blank
            case .error: return .illFormed
            }
        }
    }

    /// True when decoded text holds only whitespace (U+3000 included) and byte order marks.
    /// Stops at the first other scalar, so a real report costs a few steps.
    static func isBlank(_ text: DecodedText) -> Bool {
        var iterator = text.utf8.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if !(scalar.properties.isWhitespace || scalar.value == 0xFEFF) { return false }
        }
        return true
    }

    /// True when the file starts with `%PDF`, after optional whitespace or a UTF-8 BOM.
    static func startsWithPDFHeader(_ bytes: [UInt8]) -> Bool {
        droppingLeadingBlanks(bytes).starts(with: Array("%PDF".utf8))
    }

    /// True when the first 8 KB hold a NUL byte, or more than 5 % (and at least 4) control bytes.
    ///
    /// Tab, LF, CR, form feed (page breaks from `pdftotext`) and ESC (terminal colours in captured output) are
    /// normal in text and do not count. The minimum of 4 keeps a short note with one stray control byte as text;
    /// random bytes carry about 11 % control bytes, so NUL-free binary is still caught.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let length = min(bytes.count, sniffLength)
        let controls = bytes.withUnsafeBufferPointer { countControls(UnsafeBufferPointer(rebasing: $0[..<length])) }
        guard let controls else { return true }
        return controls >= 4 && controls * 20 > length
    }

    /// The control bytes of `sample` that `looksBinary` counts, or nil when it holds a NUL.
    ///
    /// Sixteen bytes at a step, each lane counting its own (at most 255 steps, then added up):
    /// a report has a line feed every few dozen bytes, so a step that stopped at any byte
    /// below 0x20 went byte by byte a third of the time. A lane counts a byte below 0x20, less
    /// one for each of the five allowed, plus one for DEL: one for a control byte, none for
    /// any other. The compares are between vectors: against a scalar, they went lane by lane.
    static func countControls(_ sample: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = sample.count
        var total = 0
        var k = 0
        var nul = false
        if let base = sample.baseAddress {
            let raw = UnsafeRawPointer(base)
            let one = SIMD16<UInt8>(repeating: 1)
            let space = SIMD16<UInt8>(repeating: 0x20), del = SIMD16<UInt8>(repeating: 0x7F), zero = SIMD16<UInt8>()
            let tab = SIMD16<UInt8>(repeating: 0x09), lf = SIMD16<UInt8>(repeating: 0x0A), ff = SIMD16<UInt8>(repeating: 0x0C)
            let cr = SIMD16<UInt8>(repeating: 0x0D), esc = SIMD16<UInt8>(repeating: 0x1B)
            while k &+ 16 <= count {
                var lanes = SIMD16<UInt8>()
                var nuls = SIMD16<UInt8>()
                let stop = min(count, k &+ 255 &* 16)
                while k &+ 16 <= stop {
                    let v = raw.loadUnaligned(fromByteOffset: k, as: SIMD16<UInt8>.self)
                    lanes &+= one.replacing(with: 0, where: v .>= space)
                    lanes &-= one.replacing(with: 0, where: v .!= tab)
                    lanes &-= one.replacing(with: 0, where: v .!= lf)
                    lanes &-= one.replacing(with: 0, where: v .!= ff)
                    lanes &-= one.replacing(with: 0, where: v .!= cr)
                    lanes &-= one.replacing(with: 0, where: v .!= esc)
                    lanes &+= one.replacing(with: 0, where: v .!= del)
                    nuls &+= one.replacing(with: 0, where: v .!= zero)
                    k &+= 16
                }
                // Widened first: the sixteen lanes add up to more than a byte holds.
                total &+= Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
                if nuls != zero { nul = true }
            }
        }
        while k < count {
            let byte = sample[k]
            if byte == 0 { nul = true }
            if byte < 0x20 || byte == 0x7F {
                switch byte {
                case 0x09, 0x0A, 0x0C, 0x0D, 0x1B: break
                default: total &+= 1
                }
            }
            k &+= 1
        }
        return nul ? nil : total
    }

    // MARK: - Decoders

    /// Decodes UTF-16 code units of the given byte order; nil for an odd byte count or a lone surrogate.
    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            guard let second = iterator.next() else { return nil }
            let (high, low) = bigEndian ? (first, second) : (second, first)
            units.append(UInt16(high) << 8 | UInt16(low))
        }
        return String(validating: units, as: UTF16.self)
    }

    /// Decodes GB18030 (and so GBK and GB2312); nil when the bytes are not valid GB18030.
    ///
    /// By the C library's iconv (glibc's GB18030 gconv module, part of every glibc install;
    /// libiconv on Darwin): about 3× faster than Foundation's converter, which the tool no longer
    /// links (its runtime was most of a one-report run's start-up). Without the module such a
    /// file cannot be read, and is reported as not decodable.
    ///
    /// ASCII and two-byte codes, nearly all of such a text, are read through `GB18030Table`
    /// (iconv's answers, asked once); a file with anything else goes to iconv whole.
    static func decodeGB18030(_ bytes: [UInt8]) -> [UInt8]? {
        if let decoded = bytes.withUnsafeBufferPointer({ GB18030Table.decode($0) }) { return decoded }
        switch iconvGB18030(bytes) {
        case .decoded(let text): return text
        case .invalid, .unavailable: return nil
        }
    }

    /// What one iconv conversion came to.
    enum IconvOutcome {
        /// The text as UTF-8 (iconv writes only well-formed UTF-8).
        case decoded([UInt8])
        case invalid
        case unavailable
    }

    /// Converts GB18030 to UTF-8 with Glibc iconv, growing the output buffer on E2BIG.
    ///
    /// The buffer starts at 1.5 × the input plus a margin, which holds any GB18030 text (2-byte characters
    /// become 3 UTF-8 bytes, 1- and 4-byte ones keep their size), so growing is only a safety net; it doubles,
    /// keeping the whole conversion linear. EILSEQ (invalid bytes) and EINVAL (a character cut at the end of
    /// the file) both mean "not GB18030". The descriptor is always closed.
    static func iconvGB18030(_ bytes: [UInt8]) -> IconvOutcome {
        guard let descriptor = iconv_open("UTF-8", "GB18030"),
              descriptor != iconv_t(bitPattern: -1) else {
            return .unavailable
        }
        defer { iconv_close(descriptor) }

        var output = [UInt8](repeating: 0, count: bytes.count + bytes.count / 2 + 64)
        var produced = 0
        let converted: Bool = bytes.withUnsafeBufferPointer { inBuffer in
            // iconv's prototype takes `char **` but never writes through it: no copy of the input is needed.
            var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress.map {
                UnsafeMutableRawPointer(mutating: $0).assumingMemoryBound(to: CChar.self)
            }
            var inLeft = inBuffer.count
            var flushing = false
            while true {
                let capacity = output.count
                let (result, error): (Int, Int32) = output.withUnsafeMutableBufferPointer { outBuffer in
                    guard let outBase = outBuffer.baseAddress, produced <= capacity else { return (-1, EINVAL) }
                    var outPointer: UnsafeMutablePointer<CChar>? =
                        UnsafeMutableRawPointer(outBase + produced).assumingMemoryBound(to: CChar.self)
                    var outLeft = capacity - produced
                    let result = flushing
                        ? iconv(descriptor, nil, nil, &outPointer, &outLeft)
                        : iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    let error = result == -1 ? errno : 0
                    produced = capacity - outLeft
                    return (result, error)
                }
                if result != -1 {
                    if flushing { return true }
                    flushing = true
                } else if error == E2BIG {
                    output.append(contentsOf: repeatElement(0, count: max(64, output.count)))
                } else {
                    return false
                }
            }
        }
        guard converted else { return .invalid }
        output.removeLast(output.count - produced)
        return .decoded(output)
    }
}
