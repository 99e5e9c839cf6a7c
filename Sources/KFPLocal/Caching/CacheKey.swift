import Crypto
import Foundation
import KFPSpec

/// A task's cache fingerprint and its parts, so a miss can say what changed.
///
/// Parts (DESIGN section 4): the component (image, command, args, env), the resolved input
/// parameters, the content of the input artifacts (SHA-256 of each file, or of each file in a
/// folder, plus metadata), and the output definitions. A spec-given `cachingOptions.cacheKey`
/// replaces the computed key (`sha256(component name + "\0" + key)`), as the cluster does.
struct CacheKey: Sendable, Codable, Hashable {
    var value: String
    var parts: [String: String]

    static let partNames = ["component", "input parameters", "input artifacts", "output definitions"]

    init(
        componentName: String, container: ContainerSpec, executorInput: ExecutorInput, outputs: ComponentOutputs?,
        customKey: String?
    ) throws {
        if let customKey, !customKey.isEmpty {
            value = CacheKey.sha256Hex(componentName + "\u{0}" + customKey)
            parts = ["custom cache key": value]
            return
        }
        let writer = SpecWriter()
        var component = try writer.tree(of: container).objectValue ?? [:]
        component["resources"] = nil
        let artifacts = try (executorInput.inputs.artifacts ?? [:]).mapValues { list in
            JSONValue.array(try list.artifacts.map { artifact in
                .object([
                    "content": .string(try CacheKey.contentDigest(of: artifact)),
                    "metadata": .object(artifact.metadata ?? [:]),
                    "type": try writer.tree(of: artifact.type ?? ArtifactTypeSchema(schemaTitle: "system.Artifact")),
                ])
            })
        }
        let parts: [String: String] = [
            "component": CacheKey.sha256Hex(JSONValue.object(component).compactJSON()),
            "input parameters": CacheKey.sha256Hex(JSONValue.object(executorInput.inputs.parameterValues ?? [:]).compactJSON()),
            "input artifacts": CacheKey.sha256Hex(JSONValue.object(artifacts).compactJSON()),
            "output definitions": CacheKey.sha256Hex(try writer.tree(of: outputs ?? ComponentOutputs()).compactJSON()),
        ]
        self.parts = parts
        value = CacheKey.sha256Hex(CacheKey.partNames.map { "\($0)=\(parts[$0] ?? "")" }.joined(separator: "\n"))
    }

    /// Which parts differ from an earlier key, in words.
    func difference(from earlier: CacheKey) -> String {
        let changed = CacheKey.partNames.filter { parts[$0] != earlier.parts[$0] }
        if changed.isEmpty { return "the cache entry is missing or its artifacts were deleted" }
        return changed.joined(separator: ", ") + (changed.count == 1 ? " changed" : " changed")
    }

    static func sha256Hex(_ text: String) -> String {
        sha256Hex(Data(text.utf8))
    }

    static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// SHA-256 of an artifact's content: the file, or every file of a folder with its relative path.
    static func contentDigest(of artifact: RuntimeArtifact) throws -> String {
        let path = artifact.customPath ?? LocalPaths.path(forURI: artifact.uri)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return "uri:" + artifact.uri
        }
        if !isDirectory.boolValue { return try fileDigest(path) }
        var hasher = SHA256()
        let root = URL(fileURLWithPath: path)
        let files = (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []).sorted()
        for relative in files {
            let file = root.appendingPathComponent(relative)
            var directory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &directory), !directory.boolValue else { continue }
            hasher.update(data: Data((relative + "\u{0}" + (try fileDigest(file.path)) + "\n").utf8))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private static func fileDigest(_ path: String) throws -> String {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
