#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Entry point of the `bureau-compare` executable.
public enum BureauCompare {
    public static func main() -> Never {
        exit(0)
    }
}
