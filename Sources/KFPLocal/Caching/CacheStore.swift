import Foundation
import KFPSpec

/// The task cache under the pipeline root: `<root>/.kfp-cache/entries/<key>.json` holds the
/// outputs of a task that succeeded; `<root>/.kfp-cache/last/<pipeline>/<task hash>.json` holds the
/// last key each task path used and whether that attempt failed, to explain a miss. Entries whose
/// artifacts were deleted are misses; an artifact that had no file when its task succeeded (a
/// `system.Metrics` artifact holds only metadata) does not need one.
struct CacheStore: Sendable {
    let folder: URL

    init(pipelineRoot: URL) {
        folder = pipelineRoot.appendingPathComponent(".kfp-cache", isDirectory: true)
    }

    struct Entry: Codable, Sendable {
        var key: CacheKey
        var outputs: TaskOutputs
        var runID: String
        var taskPath: String
        /// The local paths of the output artifacts that had no file when the task succeeded.
        var filelessPaths: [String]?
    }

    /// The last key a task path used, and whether that attempt failed.
    struct LastAttempt: Codable, Sendable {
        var key: CacheKey
        var failed: Bool
    }

    /// The cached outputs for `key`, or `nil` with the reason for the miss: `first run of this task`,
    /// `the earlier attempt failed` (with what changed since, if anything), or what changed.
    func lookup(_ key: CacheKey, pipeline: String, taskPath: String) -> (outputs: TaskOutputs?, missReason: String?) {
        if let entry: Entry = read(entryFile(key.value)), artifactsExist(entry) {
            return (entry.outputs, nil)
        }
        let file = lastFile(pipeline: pipeline, taskPath: taskPath)
        // Files written before failures were recorded hold the bare key.
        guard let last = read(file) ?? (read(file) as CacheKey?).map({ LastAttempt(key: $0, failed: false) }) else {
            return (nil, "first run of this task")
        }
        guard last.failed else { return (nil, key.difference(from: last.key)) }
        let changed = CacheKey.partNames.filter { key.parts[$0] != last.key.parts[$0] }
        return (nil, "the earlier attempt failed" + (changed.isEmpty ? "" : "; since then " + key.difference(from: last.key)))
    }

    /// Records the outputs of a task that succeeded.
    func store(_ key: CacheKey, outputs: TaskOutputs, runID: String, pipeline: String, taskPath: String) {
        let fileless = Self.localPaths(outputs).filter { !FileManager.default.fileExists(atPath: $0) }
        write(
            Entry(key: key, outputs: outputs, runID: runID, taskPath: taskPath, filelessPaths: fileless.isEmpty ? nil : fileless),
            to: entryFile(key.value))
        remember(key, pipeline: pipeline, taskPath: taskPath)
    }

    /// Records the key a task path used, hit or miss, and whether the attempt failed.
    func remember(_ key: CacheKey, pipeline: String, taskPath: String, failed: Bool = false) {
        write(LastAttempt(key: key, failed: failed), to: lastFile(pipeline: pipeline, taskPath: taskPath))
    }

    private func entryFile(_ key: String) -> URL {
        folder.appendingPathComponent("entries/\(key).json")
    }

    private func lastFile(pipeline: String, taskPath: String) -> URL {
        folder.appendingPathComponent("last/\(CacheKey.sha256Hex(pipeline + "\u{0}" + taskPath)).json")
    }

    /// The local (absolute) paths of the output artifacts.
    private static func localPaths(_ outputs: TaskOutputs) -> [String] {
        outputs.artifacts.values.joined().map { $0.customPath ?? LocalPaths.path(forURI: $0.uri) }.filter { $0.hasPrefix("/") }
    }

    /// Whether every artifact that had a file still has it, and the task's folder is still there.
    private func artifactsExist(_ entry: Entry) -> Bool {
        let fileless = Set(entry.filelessPaths ?? [])
        return Self.localPaths(entry.outputs).allSatisfy { path in
            fileless.contains(path)
                ? FileManager.default.fileExists(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
                : FileManager.default.fileExists(atPath: path)
        }
    }

    private func read<T: Decodable>(_ file: URL) -> T? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return try? JSONDecoder().decode(T.self, from: data)
    }

    private func write(_ value: some Encodable, to file: URL) {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(value).write(to: file, options: .atomic)
        } catch {
            // A cache that cannot be written only costs a rerun later; the task itself succeeded.
        }
    }
}
