import Foundation

/// Loads components and pipelines from a file, a URL or a string.
///
/// ```swift
/// let loader = ComponentLoader()
/// let local = try await loader.load(contentsOf: URL(fileURLWithPath: "component.yaml"))
/// let remote = try await loader.load(contentsOf: URL(string: "https://example.com/component.yaml")!)
/// let inline = try loader.load("name: x\nimplementation: {container: {image: busybox}}")
/// ```
///
/// `file:` URLs are read from disk; `http:` and `https:` URLs are fetched with `GET` (redirects
/// followed) within ``timeout`` seconds. Either way a body larger than ``maximumSize`` bytes is
/// refused. The result is what ``SpecLoader`` gives for the bytes, with the file path (or the URL)
/// as the file name in every diagnostic. Loading does not validate; call ``SpecValidator``.
public struct ComponentLoader: Sendable {
    /// Seconds a fetch may take before it fails: 30.
    public static let defaultTimeout: TimeInterval = 30
    /// The largest spec read or fetched: 16 MiB.
    public static let defaultMaximumSize = 16 << 20

    /// Seconds an `http(s)` fetch may take, from the request to the last byte.
    public var timeout: TimeInterval
    /// The largest file or response body accepted, in bytes.
    public var maximumSize: Int

    public init(timeout: TimeInterval = ComponentLoader.defaultTimeout, maximumSize: Int = ComponentLoader.defaultMaximumSize) {
        self.timeout = timeout
        self.maximumSize = maximumSize
    }

    /// Loads the spec at a `file:`, `http:` or `https:` URL.
    ///
    /// - Throws: ``SpecError`` of kind `.io` naming the URL (or path) when it cannot be read or
    ///   fetched: a missing file, a non-`2xx` HTTP status (`HTTP status 404 (not found)`), a
    ///   timeout, a body over ``maximumSize``, or another scheme; otherwise the errors of
    ///   ``SpecLoader`` (`.syntax`, `.structure`).
    public func load(contentsOf url: URL) async throws(SpecError) -> LoadedSpec {
        let data = try await data(contentsOf: url)
        return try SpecLoader(file: Self.displayName(of: url)).load(data)
    }

    /// Loads a spec from YAML or JSON text; `file` names it in diagnostics.
    ///
    /// - Throws: ``SpecError`` of kind `.syntax` or `.structure`, as ``SpecLoader``.
    public func load(_ text: String, file: String? = nil) throws(SpecError) -> LoadedSpec {
        try SpecLoader(file: file).load(text)
    }

    /// The bytes at a `file:`, `http:` or `https:` URL.
    ///
    /// - Throws: ``SpecError`` of kind `.io` naming the URL or path, as ``load(contentsOf:)``.
    public func data(contentsOf url: URL) async throws(SpecError) -> Data {
        let name = Self.displayName(of: url)
        switch url.scheme?.lowercased() {
        case "file":
            return try readFile(url, name: name)
        case "http", "https":
            return try await URLFetcher(timeout: timeout, maximumSize: maximumSize).fetch(url)
        default:
            throw SpecError(
                .io, file: name,
                message: "cannot load '\(name)': only file, http and https URLs are supported")
        }
    }

    private func readFile(_ url: URL, name: String) throws(SpecError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw SpecError(.io, file: name, message: "cannot read '\(name)': no such file")
        }
        guard !isDirectory.boolValue else {
            throw SpecError(.io, file: name, message: "cannot read '\(name)': it is a directory")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumSize else {
            throw SpecError(
                .io, file: name, message: "cannot read '\(name)': \(size) bytes is more than the limit of \(maximumSize)")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            let reason = FileReadProblem.reason(readingPath: url.path, error: error)
            throw SpecError(.io, file: name, message: "cannot read '\(name)': \(reason)")
        }
    }

    /// How diagnostics name a URL: the path of a file URL, else the URL itself.
    static func displayName(of url: URL) -> String {
        url.isFileURL ? url.path : url.absoluteString
    }

    /// The URL a component reference names: `http(s)://` and `file://` URLs as written, absolute
    /// paths as file URLs, and relative paths against `base` (the folder of a file URL, or the
    /// URL's own directory); without `base`, relative paths are taken from the current directory.
    /// `nil` when `reference` is not a valid URL.
    public static func location(of reference: String, relativeTo base: URL?) -> URL? {
        if let scheme = reference.range(of: "://").map({ reference[..<$0.lowerBound] }), !scheme.isEmpty,
            scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) })
        {
            return URL(string: reference) ?? reference.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed)
                .flatMap { URL(string: $0) }
        }
        if reference.hasPrefix("/") { return URL(fileURLWithPath: reference).standardizedFileURL }
        guard let base else { return URL(fileURLWithPath: reference).standardizedFileURL }
        if base.isFileURL {
            return base.deletingLastPathComponent().appendingPathComponent(reference).standardizedFileURL
        }
        let encoded = reference.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? reference
        return URL(string: encoded, relativeTo: base)?.absoluteURL
    }

    /// The URL of a spec's `file` name: a URL when it has a scheme, else a file path. `nil` for
    /// no name or standard input (`-`).
    static func location(ofFile file: String?) -> URL? {
        guard let file, !file.isEmpty, file != "-" else { return nil }
        if file.contains("://"), let url = URL(string: file) { return url }
        return URL(fileURLWithPath: file).standardizedFileURL
    }
}
