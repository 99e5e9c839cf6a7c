import Foundation

/// The images of one run's container tasks, made present once each: an image the engine already
/// holds is used as is; a missing one is pulled (its progress goes to the log of the first task
/// that needs it). Tasks that need the same image wait for the same pull, and a pull that failed
/// fails every task of that image with the same reason, without pulling again.
actor ContainerImages {
    let engine: URL
    let environment: [String: String]
    private var pending: [String: Task<String?, Never>] = [:]

    init(engine: URL, environment: [String: String]) {
        self.engine = engine
        self.environment = environment
    }

    /// `nil` when `image` is present (or was pulled), else why it cannot be had:
    /// `image 'X' could not be pulled by podman: <the engine's last line>`.
    func prepare(_ image: String, log: URL) async -> String? {
        if let task = pending[image] { return await task.value }
        let engine = engine
        let environment = environment
        let task = Task<String?, Never> {
            let folder = log.deletingLastPathComponent()
            let inspectLog = Self.scratchLog(in: folder)
            let present = await SubprocessLauncher().launch(
                argv: [engine.path, "image", "inspect", "--format", "{{.Id}}", image], environment: environment,
                workingDirectory: folder, log: inspectLog)
            try? FileManager.default.removeItem(at: inspectLog)
            if case .exited(0) = present { return nil }
            Self.append("pulling image \(image) with \(engine.lastPathComponent)\n", to: log)
            let pullLog = Self.scratchLog(in: folder)
            let pulled = await SubprocessLauncher().launch(
                argv: [engine.path, "pull", image], environment: environment, workingDirectory: folder, log: pullLog)
            let output = (try? String(contentsOf: pullLog, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: pullLog)
            Self.append(output, to: log)
            switch pulled {
            case .exited(0): return nil
            case .exited, .signaled:
                let reason = Self.reason(in: output) ?? "\(engine.lastPathComponent) pull ended with \(pulled)"
                return "image '\(image)' could not be pulled by \(engine.lastPathComponent): \(reason)"
            case .couldNotLaunch(let why):
                return "image '\(image)' could not be pulled: \(why)"
            }
        }
        pending[image] = task
        return await task.value
    }

    /// The engine's own reason: the last line that says `Error`/`error`, else the last line.
    static func reason(in output: String) -> String? {
        let lines = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let line = lines.last { $0.lowercased().contains("error") } ?? lines.last
        return line.map { $0.hasPrefix("Error: ") ? String($0.dropFirst(7)) : $0 }
    }

    private static func scratchLog(in folder: URL) -> URL {
        folder.appendingPathComponent(".engine-\(UUID().uuidString).log")
    }

    private static func append(_ text: String, to log: URL) {
        guard !text.isEmpty else { return }
        if !FileManager.default.fileExists(atPath: log.path) {
            FileManager.default.createFile(atPath: log.path, contents: nil)
        }
        guard let handle = try? FileHandle(forWritingTo: log) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(text.utf8))
    }
}
