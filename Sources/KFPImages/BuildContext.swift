import Foundation

/// Checks on a build context before an engine sees it, so a wrong path fails with one clear line.
enum BuildContext {
    /// The names looked for in a context when no Dockerfile is given.
    static let defaultNames = ["Dockerfile", "Containerfile"]

    /// The Dockerfile to build `context` with: `given` (relative to the current folder), else
    /// `Dockerfile` or `Containerfile` in `context`.
    ///
    /// - Throws: ``ImageBuildError`` (`invalidInput`) when the context is not a folder, the given
    ///   file does not exist, or the context has neither default file.
    static func dockerfile(in context: URL, given: URL?) throws(ImageBuildError) -> URL {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: context.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ImageBuildError(.invalidInput, "build context \(context.path) is not a folder")
        }
        if let given {
            guard FileManager.default.fileExists(atPath: given.path, isDirectory: &isFolder), !isFolder.boolValue else {
                throw ImageBuildError(.invalidInput, "Dockerfile \(given.path) does not exist")
            }
            return given
        }
        for name in defaultNames {
            let file = context.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue { return file }
        }
        throw ImageBuildError(
            .invalidInput, "no Dockerfile in build context \(context.path) (looked for \(defaultNames.joined(separator: " and "))); give one with --dockerfile")
    }
}
