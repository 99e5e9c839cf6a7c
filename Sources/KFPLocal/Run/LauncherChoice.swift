import Foundation

/// Picks how a run's container tasks start, before the run starts: the subprocess launcher, a
/// named engine (which must be found and answer), or, for ``TaskLauncherKind/auto``, the first
/// engine that answers, else the subprocess launcher with the reasons each engine gave.
enum LauncherChoice {
    /// The container launcher (or `nil` for subprocesses) and the words the run records for it.
    ///
    /// - Throws: ``LocalRunError`` when a named engine is missing or cannot run containers.
    static func make(
        _ kind: TaskLauncherKind, environment: [String: String], processes: SubprocessLauncher
    ) async throws(LocalRunError) -> (ContainerLauncher?, String) {
        switch kind {
        case .subprocess:
            return (nil, "subprocess")
        case .container(let engine):
            let program = try engine.locate(searchPath: environment["PATH"])
            try await ContainerEngine.probe(program, environment: environment)
            return (ContainerLauncher(engine: program, processes: processes, environment: environment), program.lastPathComponent)
        case .auto:
            var reasons: [String] = []
            for candidate in ["docker", "podman"] {
                do {
                    let program = try ContainerEngine(candidates: [candidate]).locate(searchPath: environment["PATH"])
                    try await ContainerEngine.probe(program, environment: environment)
                    let launcher = ContainerLauncher(engine: program, processes: processes, environment: environment)
                    return (launcher, "\(program.lastPathComponent) (auto)")
                } catch {
                    reasons.append("\(candidate): \(firstLine(of: error.message))")
                }
            }
            return (nil, "subprocess (auto: no container engine answered: \(reasons.joined(separator: "; ")))")
        }
    }

    private static func firstLine(of text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline)
        guard let first = lines.first else { return text }
        // A probe's message ends with the engine's own last line: keep it beside the first.
        if lines.count > 1, let last = lines.last { return "\(first) \(last)" }
        return String(first)
    }
}
