/// An image pinned by the digest its registry holds: `REPO@sha256:HEX`.
///
/// This is what a component should name so every run gets exactly the image that was built: a
/// tag can be moved, a digest cannot. ``ImageBuilder/push(_:)`` returns it, with the digest the
/// registry answered for the push (never the one a local engine shows after a push, which can
/// differ: podman's `RepoDigests` does).
///
/// ```swift
/// let name = try StrictImageName("127.0.0.1:5000/add@sha256:7d88087b2f0fb976c96db46aec6877c9d493cc89f59d777dc88c4a6332b3bce9")
/// name.repository   // "127.0.0.1:5000/add"
/// name.digest       // "sha256:7d88…"
/// ```
public struct StrictImageName: Sendable, Hashable, CustomStringConvertible {
    /// `[HOST[:PORT]/]PATH`.
    public let repository: String
    /// `sha256:` and 64 lower-case hex digits.
    public let digest: String

    /// A strict name from a repository and a digest.
    ///
    /// - Throws: ``ImageBuildError`` (`invalidInput`) when `digest` is not `sha256:` and 64
    ///   lower-case hex digits, or `repository` is not a valid repository (see ``ImageReference``).
    public init(repository: String, digest: String) throws(ImageBuildError) {
        guard Self.isDigest(digest) else {
            throw ImageBuildError(.invalidInput, "digest '\(digest)' of image '\(repository)' is not 'sha256:' and 64 lower-case hex digits")
        }
        let reference = try ImageReference(repository)
        guard reference.repository == repository else {
            throw ImageBuildError(.invalidInput, "repository '\(repository)' of a strict image name must not have a tag")
        }
        self.repository = repository
        self.digest = digest
    }

    /// Parses `REPO@sha256:HEX`.
    ///
    /// - Throws: ``ImageBuildError`` (`invalidInput`) when the text has no `@`, or its parts are not
    ///   a repository and a sha256 digest.
    public init(_ text: String) throws(ImageBuildError) {
        guard let at = text.firstIndex(of: "@") else {
            throw ImageBuildError(.invalidInput, "image '\(text)' is not a strict name REPO@sha256:HEX (no '@')")
        }
        try self.init(repository: String(text[..<at]), digest: String(text[text.index(after: at)...]))
    }

    /// `REPO@sha256:HEX`.
    public var description: String { "\(repository)@\(digest)" }

    /// `sha256:` followed by 64 lower-case hex digits.
    static func isDigest(_ text: String) -> Bool {
        guard text.hasPrefix("sha256:") else { return false }
        let hex = text.dropFirst(7).unicodeScalars
        return hex.count == 64 && hex.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }
}
