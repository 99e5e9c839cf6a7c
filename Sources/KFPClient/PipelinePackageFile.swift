import Foundation
import KFPSpec

/// Reads pipeline packages on this machine, as `kfp.Client._extract_pipeline_yaml` does, and builds
/// the `pipeline_spec` JSON that kfp sends in run and recurring-run bodies.
enum PipelinePackageFile {
    /// The file name endings a package may have.
    static let extensions = [".yaml", ".yml", ".json", ".zip", ".tar.gz", ".tgz"]

    /// The pipeline spec in a `.yaml`/`.yml`/`.json` file, a `.zip` holding one, or a `.tar.gz`/`.tgz`
    /// holding exactly one `.yaml`/`.yml`/`.json` file (extracted with the system `tar`).
    ///
    /// - Throws: ``PipelineClientError`` (no status) for another ending, an unreadable file or archive, or
    ///   a file that is not a pipeline spec (the loader's message with file and line).
    static func load(_ file: URL) async throws -> PipelineSpec {
        let name = file.lastPathComponent.lowercased()
        guard extensions.contains(where: { name.hasSuffix($0) }) else {
            throw PipelineClientError(
                message:
                    "The package_file \(file.path) should end with one of the following formats: [\(extensions.joined(separator: ", "))]"
            )
        }
        var data = try read(file)
        var label = file.path
        if name.hasSuffix(".tar.gz") || name.hasSuffix(".tgz") {
            (label, data) = try await tarballMember(file)
        }
        let loaded: LoadedSpec
        do {
            loaded = try SpecLoader(file: label).load(data)
        } catch {
            throw PipelineClientError(message: "\(error)")
        }
        guard let spec = loaded.pipelineSpec else {
            throw PipelineClientError(
                message: "\(label) is a v1 component, not a compiled pipeline; compile it into a pipeline first")
        }
        return spec
    }

    /// The `pipelineInfo.name` of a package, the default name of an upload. A YAML or JSON file that
    /// this version's loader refuses (e.g. a newer IR) still gives its name when it has one, since
    /// kfp reads only that field.
    ///
    /// - Throws: ``PipelineClientError`` as ``load(_:)`` does.
    static func pipelineName(_ file: URL) async throws -> String {
        do {
            return try await load(file).pipelineInfo.name
        } catch let error as PipelineClientError {
            guard [".yaml", ".yml", ".json"].contains(where: file.lastPathComponent.lowercased().hasSuffix),
                let data = try? read(file), let text = String(data: data, encoding: .utf8),
                let document = (try? SpecLoader(file: file.path).loadJSONValue(text))?.objectValue
            else { throw error }
            let spec = document["pipeline_spec"]?.objectValue ?? document
            guard let name = spec["pipelineInfo"]?.objectValue?["name"]?.stringValue else { throw error }
            return name
        }
    }

    /// The bytes of `file`, for uploads.
    static func read(_ file: URL) throws -> Data {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw PipelineClientError(message: "cannot read the pipeline package \(file.path): no such file or not readable")
        }
        return data
    }

    /// `pipeline_spec` as kfp sends it: the IR object, or `{"pipeline_spec": IR, "platform_spec": ...}`
    /// when the spec has a platform spec. With `enableCaching`, every task's `cachingOptions` (root and
    /// nested DAGs) gets `enableCache: true`, or loses it for `false` (kfp's
    /// `_override_caching_options` followed by protobuf's omission of `false`).
    static func pipelineSpecJSON(_ spec: PipelineSpec, enableCaching: Bool?) throws -> JSONValue {
        var tree: JSONValue
        do {
            tree = try SpecWriter().tree(of: spec)
        } catch {
            throw PipelineClientError(message: "cannot encode pipeline '\(spec.pipelineInfo.name)': \(error)")
        }
        if let enableCaching { tree = overridingCaching(tree, enable: enableCaching) }
        guard let platform = spec.platformSpec else { return tree }
        return ["pipeline_spec": tree, "platform_spec": platform]
    }

    static func overridingCaching(_ tree: JSONValue, enable: Bool) -> JSONValue {
        guard var members = tree.objectValue else { return tree }
        if let root = members["root"] { members["root"] = overridingTasks(in: root, enable: enable) }
        if let components = members["components"]?.objectValue {
            members["components"] = .object(components.mapValues { overridingTasks(in: $0, enable: enable) })
        }
        return .object(members)
    }

    private static func overridingTasks(in component: JSONValue, enable: Bool) -> JSONValue {
        guard var members = component.objectValue, var dag = members["dag"]?.objectValue,
            let tasks = dag["tasks"]?.objectValue
        else { return component }
        dag["tasks"] = .object(
            tasks.mapValues { task in
                guard var fields = task.objectValue else { return task }
                var options = fields["cachingOptions"]?.objectValue ?? [:]
                options["enableCache"] = enable ? .bool(true) : nil
                fields["cachingOptions"] = .object(options)
                return .object(fields)
            })
        members["dag"] = .object(dag)
        return .object(members)
    }

    /// The single spec file inside a gzip-compressed tar archive.
    private static func tarballMember(_ file: URL) async throws -> (String, Data) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-client-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw PipelineClientError(
                message: "cannot create a folder to extract \(file.path): \(error.localizedDescription)")
        }
        let (status, errorText) = try await runTar(["-xzf", file.path, "-C", folder.path])
        guard status == 0 else {
            throw PipelineClientError(message: "cannot extract \(file.path) as a tar.gz archive: \(errorText)")
        }
        let members = (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects ?? [])
            .compactMap { $0 as? URL }
            .filter { [".yaml", ".yml", ".json"].contains(where: $0.lastPathComponent.lowercased().hasSuffix) }
        guard members.count == 1, let member = members.first else {
            throw PipelineClientError(
                message: members.isEmpty
                    ? "Invalid package. Missing pipeline yaml file in the package \(file.path)."
                    : "Invalid package. Multiple yaml files in the package \(file.path).")
        }
        let relative = member.path.replacingOccurrences(of: folder.path + "/", with: "")
        return ("\(file.path)!\(relative)", try read(member))
    }

    private static func runTar(_ arguments: [String]) async throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar"] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: PipelineClientError(message: "cannot run tar: \(error.localizedDescription)"))
            }
        }
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (status, text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
