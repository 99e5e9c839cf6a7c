import Foundation

/// Picks how a run's container tasks start, before the run starts: the subprocess launcher, a
/// named engine (which must be found and answer), or, for ``TaskLauncherKind/auto``, the first
/// engine that answers, else the subprocess launcher with the reasons each engine gave; or a
/// remote launcher, once it says it can send tasks.
struct LauncherChoice {
    /// Set when container executors run in their images.
    var containers: ContainerLauncher?
    /// Set when container executors run as jobs elsewhere.
    var remote: (any RemoteTaskLauncher)?
    /// The words the run records for the launcher (``LocalRun/launcher``).
    var note: String

    /// The launcher of `kind`.
    ///
    /// - Throws: ``LocalRunError`` when a named engine is missing or cannot run containers, or a
    ///   remote launcher cannot send tasks.
    static func make(
        _ kind: TaskLauncherKind, environment: [String: String], processes: SubprocessLauncher
    ) async throws(LocalRunError) -> LauncherChoice {
        switch kind {
        case .subprocess:
            return LauncherChoice(note: "subprocess")
        case .remote(let launcher):
            try await launcher.check()
            return LauncherChoice(remote: launcher, note: launcher.name)
        case .container(let engine):
            let program = try engine.locate(searchPath: environment["PATH"])
            try await ContainerEngine.probe(program, environment: environment)
            let launcher = ContainerLauncher(engine: program, processes: processes, environment: environment)
            return LauncherChoice(containers: launcher, note: program.lastPathComponent)
        case .auto:
            var reasons: [String] = []
            for candidate in ["docker", "podman"] {
                do {
                    let program = try ContainerEngine(candidates: [candidate]).locate(searchPath: environment["PATH"])
                    try await ContainerEngine.probe(program, environment: environment)
                    let launcher = ContainerLauncher(engine: program, processes: processes, environment: environment)
                    return LauncherChoice(containers: launcher, note: "\(program.lastPathComponent) (auto)")
                } catch {
                    reasons.append("\(candidate): \(firstLine(of: error.message))")
                }
            }
            return LauncherChoice(note: "subprocess (auto: no container engine answered: \(reasons.joined(separator: "; ")))")
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
