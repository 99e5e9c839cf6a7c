/// An image name to build and push: `REPO[:TAG]`, as `docker build -t` takes it.
///
/// `REPO` is `[HOST[:PORT]/]PATH`: the first part is the registry host when it has a `.` or a `:`
/// or is `localhost` (`127.0.0.1:5000/team/add`, `gcr.io/p/add`); otherwise the image goes to
/// Docker Hub (`docker.io`). Path parts are lower-case letters and digits, joined by `.`, `_`,
/// `__` or dashes. The tag is `latest` when not given.
///
/// ```swift
/// let reference = try ImageReference("127.0.0.1:5000/team/add:v1")
/// reference.repository     // "127.0.0.1:5000/team/add"
/// reference.tag            // "v1"
/// reference.registry       // "127.0.0.1:5000"
/// ```
public struct ImageReference: Sendable, Hashable, CustomStringConvertible {
    /// `[HOST[:PORT]/]PATH`, without the tag.
    public let repository: String
    /// The tag (`latest` when the text gave none).
    public let tag: String
    /// The registry's `HOST[:PORT]` (`docker.io` when the repository names no host).
    public let registry: String

    /// Parses `REPO[:TAG]`.
    ///
    /// - Throws: ``ImageBuildError`` (`invalidInput`) naming the text and the part that is wrong: a
    ///   digest (`@sha256:…`, which a build cannot produce: the registry gives it), an empty or
    ///   upper-case path part, a character outside the grammar, or a tag longer than 128 characters.
    public init(_ text: String) throws(ImageBuildError) {
        func fail(_ why: String) -> ImageBuildError {
            ImageBuildError(.invalidInput, "image '\(text)' is not a valid REPO[:TAG]: \(why)")
        }
        guard !text.contains("@") else {
            throw fail("it has a digest; give a tag (REPO:TAG), the digest is what the registry answers after the push")
        }
        var name = Substring(text)
        var tag = "latest"
        if let colon = text.lastIndex(of: ":"), !text[colon...].contains("/") {
            tag = String(text[text.index(after: colon)...])
            name = text[..<colon]
            guard let first = tag.unicodeScalars.first, Self.isTagStart(first), tag.count <= 128,
                tag.unicodeScalars.allSatisfy({ Self.isTagStart($0) || $0 == "." || $0 == "-" })
            else {
                throw fail("tag '\(tag)' must be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'")
            }
        }
        var parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var registry = "docker.io"
        if parts.count > 1, let first = parts.first, first.contains(".") || first.contains(":") || first == "localhost" {
            registry = first
            parts.removeFirst()
            guard Self.isHost(registry) else { throw fail("registry host '\(registry)' must be HOST or HOST:PORT") }
        }
        for part in parts where !Self.isPathComponent(part) {
            throw fail(
                part.isEmpty
                    ? "it has an empty path part" : "path part '\(part)' must be lower-case letters and digits joined by '.', '_' or '-'")
        }
        repository = String(name)
        self.tag = tag
        self.registry = registry
    }

    /// `REPO:TAG`.
    public var description: String { "\(repository):\(tag)" }

    private static func isTagStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
    }

    private static func isLowerAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// `[a-z0-9]+` joined by `.`, `_`, `__` or one or more `-`.
    static func isPathComponent(_ part: String) -> Bool {
        let scalars = Array(part.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last, isLowerAlphanumeric(first), isLowerAlphanumeric(last) else {
            return false
        }
        var separator = ""
        for scalar in scalars {
            if isLowerAlphanumeric(scalar) {
                guard separator.isEmpty || separator == "." || separator == "_" || separator == "__"
                    || separator.allSatisfy({ $0 == "-" })
                else { return false }
                separator = ""
            } else if scalar == "." || scalar == "_" || scalar == "-" {
                separator.unicodeScalars.append(scalar)
            } else {
                return false
            }
        }
        return true
    }

    /// `host` or `host:port`, the host made of letters, digits, `-` and `.`.
    static func isHost(_ text: String) -> Bool {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count <= 2, let host = pieces.first, !host.isEmpty,
            host.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == ".") })
        else { return false }
        if pieces.count == 2 {
            guard let port = Int(pieces[1]), (1...65535).contains(port) else { return false }
        }
        return true
    }
}
