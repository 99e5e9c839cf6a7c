import Foundation

/// A failed push, told apart by the engine's words: a registry that cannot be reached (nothing
/// listens, the host is unknown, TLS spoken to a plain-HTTP registry) or one that refused.
struct PushFailure {
    let image: ImageReference
    let engine: ImageEngine
    let finished: EngineProcess.Finished
    let insecure: Bool

    /// Phrases of Go's network errors (what podman, buildah and docker print) for a registry that was not reached.
    static let unreachable = [
        "connection refused", "no such host", "i/o timeout", "network is unreachable", "no route to host",
        "connection reset by peer", "server gave http response to https client", "tls: ", "x509: ",
    ]

    var isUnreachable: Bool {
        let text = (finished.reason ?? "").lowercased()
        return Self.unreachable.contains { text.contains($0) }
    }

    var error: ImageBuildError {
        let reason = finished.reason ?? "no output (\(finished.ending))"
        guard isUnreachable else {
            return ImageBuildError(
                .pushRefused, "registry \(image.registry) refused the push of '\(image)' by \(engine): \(Self.essence(of: reason))")
        }
        let plainHTTP = reason.lowercased().contains("http response to https client")
        let hint =
            plainHTTP && !insecure && engine.kind != .docker
            ? "; it serves plain HTTP: mark it insecure with --insecure-registry \(image.registry)" : ""
        return ImageBuildError(
            .registryUnreachable, "registry \(image.registry) is unreachable for the push of '\(image)' by \(engine): \(Self.essence(of: reason))\(hint)")
    }

    /// The end of a Go error chain, from its most telling part (`dial tcp …: connect: connection
    /// refused`, `StatusCode: 405, …`), else the whole reason.
    static func essence(of reason: String) -> String {
        for marker in ["dial tcp", "StatusCode:", "denied:", "unauthorized:", "http: server gave"] {
            if let range = reason.range(of: marker) { return String(reason[range.lowerBound...]) }
        }
        return reason
    }
}
