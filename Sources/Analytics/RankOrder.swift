/// Which end of a ranking comes first: `--order desc` (the default) or `--order asc`.
///
/// Why largest first: the usual question is "who spends most on 三公", and a reader scans
/// from the top. Not-disclosed figures go last in either order: reversing the order must
/// never move "no data" to the top as if it were the smallest value.
public enum RankOrder: String, Sendable, Hashable, CaseIterable {
    case descending = "desc"
    case ascending = "asc"
}
