import Foundation

/// Why a local file could not be read, in the plain words the CLI's messages use (`no such file`,
/// `it is a directory`, `permission denied`) instead of Foundation's sentence ("The operation could
/// not be completed. The file doesn't exist.").
package enum FileReadProblem {
    /// The reason reading `path` failed with `error`: the state of the file decides, then the
    /// error's own description.
    package static func reason(readingPath path: String, error: any Error) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return (error as NSError).localizedDescription
    }
}
