/// Why an image could not be built, pushed or pinned into a component file.
///
/// `description` is one line naming what failed (the file, engine, image or registry) and what
/// was expected and found, e.g.
/// `podman could not build '127.0.0.1:5000/add:v1' from /src/add: Error: building at STEP "RUN exit 3": while running runtime: exit status 3`.
public struct ImageBuildError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What failed.
    public enum Kind: String, Sendable, Hashable {
        /// An argument is not what it must be (an image reference, a build context, a Dockerfile path).
        case invalidInput
        /// The engine program is not installed (not on `PATH`, or the path given is not a program).
        case engineMissing
        /// The engine is installed but cannot work (no daemon, a broken configuration).
        case engineUnavailable
        /// The engine ran the build and it failed.
        case buildFailed
        /// The registry could not be reached (connection refused, unknown host, TLS against plain HTTP).
        case registryUnreachable
        /// The registry was reached and refused the push (denied, unauthorized, read-only).
        case pushRefused
        /// The push seemed to succeed but the digest the registry holds could not be read.
        case digestUnavailable
        /// A component file cannot be read, is not a container component, or cannot be written.
        case componentFile
        /// A Python components folder cannot be built (no components, conflicting images, bad source).
        case pythonComponents
    }

    /// What failed.
    public var kind: Kind
    /// One line: sentence case, no trailing period, names in single quotes.
    public var message: String

    /// An error of `kind` with `message` (line ends in it become spaces, so it stays one line).
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The message.
    public var description: String { message }
}
