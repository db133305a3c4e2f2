/// The order of strings by their Unicode scalars, read as UTF-8 bytes.
///
/// Why bytes: UTF-8 keeps the order of the scalars it encodes (a scalar's first byte orders it
/// among scalars of other lengths, its later bytes among scalars of its own), so comparing the
/// bytes gives `a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)` without decoding
/// a scalar; the rankings and the alignment sort every report by bureau name and path, and
/// decoding both names at every comparison cost more than the sorting. `Corpus` sorts the files
/// found in a folder the same way: `String.UTF8View.lexicographicallyPrecedes` took about 5,000
/// instructions per comparison of two paths of one folder (some 650 M before the first report of
/// 10,000 could start), this loop a tenth of that.
public enum ScalarOrder {
    /// Whether `a` comes before `b` in Unicode scalar order (the order of their UTF-8 bytes).
    public static func precedes(_ a: String, _ b: String) -> Bool {
        withUTF8(of: a) { x in
            withUTF8(of: b) { y in
                let common = min(x.count, y.count)
                var i = 0
                while i < common {
                    if x[i] != y[i] { return x[i] < y[i] }
                    i += 1
                }
                return x.count < y.count
            }
        }
    }

    /// `body` on the UTF-8 of `text`, read from its storage (copied first only when the string
    /// keeps none of its own).
    private static func withUTF8<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var contiguous = text
        return contiguous.withUTF8(body)
    }
}
