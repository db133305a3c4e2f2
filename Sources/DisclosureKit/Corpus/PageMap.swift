#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which page each line of a paged text is on: the `source_page` beside every `source_line`.
///
/// `pdftotext` ends each page with a form feed, so `第一页…\n\f第二页…\n\f` has line 1 on page 1 and
/// line 2 on page 2. A text file that was saved from pdftotext keeps those form feeds and so its pages;
/// a text without any form feed has no pages (`PageMap(text)` is nil), and `source_page` stays empty
/// rather than claiming page 1 of a document that never had pages.
///
/// Lines are numbered exactly as `Normalizer` numbers them (the `source_line` of every figure): a line
/// ends at LF, CR or CRLF, and at a form feed that has text before it on the line; a form feed at the
/// start of a line ends nothing. Every line after a form feed is on the next page.
public struct PageMap: Sendable, Hashable {
    /// The first line of each page, ascending: `firstLines[0]` is 1 (page 1 starts the text). Two pages
    /// may share a first line when a page is empty (`\f\f`); the line is then on the later one.
    public let firstLines: [Int]

    public init(firstLines: [Int]) {
        self.firstLines = firstLines.isEmpty ? [1] : firstLines
    }

    /// A document of one page: a PDF that pdftotext gave no page break.
    public static let singlePage = PageMap(firstLines: [1])

    /// The pages of `text`, or nil when it has no form feed. One pass over its UTF-8 bytes (the three
    /// bytes that matter are ASCII and never occur inside a multi-byte character).
    public init?(_ text: String) {
        var text = text
        guard let map = text.withUTF8({ PageMap(utf8: $0) }) else { return nil }
        self = map
    }

    /// `init(_:)` of UTF-8 text.
    public init?(utf8 text: UnsafeBufferPointer<UInt8>) {
        // Most inputs are plain text: one `memchr` for a form feed settles them.
        let hasFormFeed = text.baseAddress.map { memchr($0, 0x0C, text.count) != nil } ?? false
        guard hasFormFeed else { return nil }
        var firstLines = [1]
        var finishedLines = 0
        var lineHasText = false
        var sawFormFeed = false
        var afterCR = false
        for byte in text {
            switch byte {
            case 0x0A where afterCR:
                // The LF of a CRLF: the CR already ended the line.
                afterCR = false
                continue
            case 0x0A, 0x0D:
                finishedLines += 1
                lineHasText = false
            case 0x0C:
                sawFormFeed = true
                if lineHasText { finishedLines += 1 }
                lineHasText = false
                firstLines.append(finishedLines + 1)
            default:
                lineHasText = true
            }
            afterCR = byte == 0x0D
        }
        guard sawFormFeed else { return nil }
        self.firstLines = firstLines
    }

    /// The number of pages, counting a last page that holds nothing (pdftotext's final form feed).
    public var count: Int { firstLines.count }

    /// The page of each of `lines`, one per line in the same order (`175;177` → `4;4`), so each can be
    /// paired with its line.
    public func pages(ofLines lines: [Int]) -> [Int] {
        lines.map(page(ofLine:))
    }

    /// The 1-based page of the 1-based `line`.
    public func page(ofLine line: Int) -> Int {
        // The number of pages that start at or before the line: a binary search, as reports run to
        // hundreds of pages and every figure, finding and briefing row asks.
        var low = 0
        var high = firstLines.count
        while low < high {
            let middle = (low + high) / 2
            if firstLines[middle] <= line { low = middle + 1 } else { high = middle }
        }
        return max(1, low)
    }
}
