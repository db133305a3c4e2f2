extension String {
    /// The string of `scalars`, encoded straight to UTF-8.
    ///
    /// `String.UnicodeScalarView.append(contentsOf:)` goes through a generic iterator per
    /// scalar: building a cell's or a number's text that way cost thousands of instructions,
    /// more than all the scanning around it.
    init(scalars: some Sequence<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount * 3)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
