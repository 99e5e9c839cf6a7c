import Foundation

/// Managed Python virtual environments: one per requirement set (the text of a KFP pip prelude),
/// created once under `<cache>/python/<hash>`, reused across tasks and runs, never the user's own
/// interpreter.
///
/// A lightweight Python component's command starts with KFP's prelude
/// `sh -c "<pip install ...> && \"$0\" \"$@\"" sh -ec "<launch script>" "<source>"`. The prelude runs
/// once, inside the new environment, when the environment is made; each task then runs the rest of
/// its command (`sh -ec ...`) with that environment first on `PATH`, so `python3` is the
/// environment's interpreter and no task pays for pip again.
actor PythonEnvironments {
    let root: URL
    let basePython: String
    let launcher: SubprocessLauncher
    private var ready: [String: URL] = [:]
    private var creating: [String: Task<Result<URL, TaskFailure>, Never>] = [:]
    private var servers: [URL: PythonForkServer] = [:]

    init(root: URL, basePython: String, launcher: SubprocessLauncher) {
        self.root = root
        self.basePython = basePython
        self.launcher = launcher
    }

    /// The KFP pip prelude at the start of `command`, if there is one.
    nonisolated static func prelude(in command: [String]) -> String? {
        guard command.count >= 3, command[0] == "sh", command[1] == "-c" else { return nil }
        let script = command[2]
        guard script.contains("pip install"), script.contains("\"$0\" \"$@\"") else { return nil }
        return script
    }

    /// The environment folder for `prelude`, created (and the prelude run in it) on first use.
    func environment(for prelude: String, log: URL) async throws(TaskFailure) -> URL {
        let key = CacheKey.sha256Hex(basePython + "\u{0}" + prelude).prefix(24).description
        if let folder = ready[key] { return folder }
        let folder = root.appendingPathComponent(key, isDirectory: true)
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".kfp-ready").path) {
            ready[key] = folder
            return folder
        }
        let task = creating[key] ?? Task { await self.create(folder: folder, prelude: prelude, log: log) }
        creating[key] = task
        let result = await task.value
        creating[key] = nil
        let made = try result.get()
        ready[key] = made
        return made
    }

    private func create(folder: URL, prelude: String, log: URL) async -> Result<URL, TaskFailure> {
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            return .failure(TaskFailure("cannot create \(root.path): \(error)"))
        }
        let lock: EnvironmentLock
        do {
            lock = try await EnvironmentLock(for: folder)
        } catch {
            return .failure(error)
        }
        defer { lock.release() }
        // Another runner may have made it while we waited for the lock.
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".kfp-ready").path) {
            return .success(folder)
        }
        return await build(folder: folder, prelude: prelude, log: log)
    }

    private func build(folder: URL, prelude: String, log: URL) async -> Result<URL, TaskFailure> {
        // Made in place (virtual environments hold absolute paths, so they cannot be moved);
        // a folder without the ready marker is a leftover of an interrupted attempt.
        let staging = folder
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            return .failure(TaskFailure("cannot create \(root.path): \(error)"))
        }
        let environment = ProcessInfo.processInfo.environment
        switch await launcher.launch(argv: [basePython, "-m", "venv", staging.path], environment: environment,
                                     workingDirectory: root, log: log) {
        case .exited(0): break
        default:
            try? FileManager.default.removeItem(at: staging)
            return .failure(TaskFailure("cannot create a Python virtual environment with '\(basePython) -m venv' (see \(log.path)):\n\(LogTail.lines(of: log))"))
        }
        var variables = Self.variables(for: staging, base: environment)
        variables["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        switch await launcher.launch(argv: ["sh", "-c", Self.withoutInnerEnvironment(prelude), "true"], environment: variables,
                                     workingDirectory: root, log: log) {
        case .exited(0): break
        default:
            try? FileManager.default.removeItem(at: staging)
            return .failure(TaskFailure("installing the component's Python packages failed (see \(log.path)):\n\(LogTail.lines(of: log))"))
        }
        FileManager.default.createFile(atPath: folder.appendingPathComponent(".kfp-ready").path, contents: Data(prelude.utf8))
        return .success(folder)
    }

    /// The warm fork server of an environment, started on first use.
    func forkServer(for folder: URL, variables: [String: String]) throws(TaskFailure) -> PythonForkServer {
        if let server = servers[folder] { return server }
        let server = try PythonForkServer(environment: folder, variables: variables)
        servers[folder] = server
        return server
    }

    /// Stops every fork server (at the end of a run).
    func shutdown() {
        for server in servers.values { server.stop() }
        servers = [:]
    }

    /// The prelude without the snippet that `use_venv=True` components add (`tmp=$(mktemp -d)`,
    /// `python3 -m venv "$tmp/venv" ...`, `. "$tmp/venv/bin/activate"`): the managed environment
    /// already is that isolated environment, and every package must land in it.
    nonisolated static func withoutInnerEnvironment(_ prelude: String) -> String {
        var lines = prelude.components(separatedBy: "\n")
        lines.removeAll { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed == "tmp=$(mktemp -d)" || (trimmed.hasPrefix("python3 -m venv \"$tmp/venv\""))
                || trimmed == ". \"$tmp/venv/bin/activate\""
        }
        return lines.joined(separator: "\n")
    }

    /// The process environment with `folder`'s interpreter first on `PATH`.
    nonisolated static func variables(for folder: URL, base: [String: String]) -> [String: String] {
        var variables = base
        variables["VIRTUAL_ENV"] = folder.path
        variables["PATH"] = folder.appendingPathComponent("bin").path + ":" + (base["PATH"] ?? "/usr/bin:/bin")
        variables["PYTHONHOME"] = nil
        return variables
    }
}
