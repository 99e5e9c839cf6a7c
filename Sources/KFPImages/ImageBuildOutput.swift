import Foundation

/// Where the engine's progress (build steps, push progress) goes, line by line.
public enum ImageBuildOutput: Sendable {
    /// Nowhere (the last lines still name the reason of a failure).
    case discarded
    /// This process's standard error, as `kfp component build` shows it (standard output stays for
    /// the strict image name).
    case standardError
    /// Each line (without its line end) to a function, e.g. to log or collect it.
    case lines(@Sendable (String) -> Void)

    func emit(_ line: String) {
        switch self {
        case .discarded: return
        case .standardError: FileHandle.standardError.write(Data((line + "\n").utf8))
        case .lines(let handler): handler(line)
        }
    }
}
