/// Why an atomic write failed: the step, the path it concerned and the system's reason.
///
/// `cannot create folder Reports/x: Not a directory`. The command prints it after
/// `bureau-compare: ` and exits with status 3.
public struct AtomicFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The step that failed.
    public enum Step: String, Sendable, Hashable {
        case createFolder = "create folder"
        case createTemporary = "create a temporary file in"
        case write = "write"
        case sync = "flush to disk"
        case rename = "replace"
    }

    public let step: Step
    /// The path the step was working on (the folder for `createFolder`/`createTemporary`).
    public let path: String
    /// The `errno` the system reported.
    public let code: Int32

    public init(step: Step, path: String, code: Int32) {
        self.step = step
        self.path = path
        self.code = code
    }

    public var description: String {
        "cannot \(step.rawValue) \(path): \(FileDescriptorIO.describe(code))"
    }
}
