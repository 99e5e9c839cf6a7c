import Foundation
import KFPAPI
import KFPSpec
import Subprocess

/// A pipeline as the server receives it (an uploaded file or a run's inline `pipeline_spec`):
/// parsed, validated, and kept in the JSON form the API returns.
struct PipelinePackage: Sendable {
    let spec: PipelineSpec
    /// The IR as JSON (camelCase keys), or KFP's `{"pipeline_spec", "platform_spec"}` wrapper when
    /// the YAML had a platform document.
    let json: JSONValue

    /// Reads an uploaded file: YAML or JSON, a zip holding one, or a gzip-compressed tar holding
    /// one (KFP's accepted package forms, told apart by content).
    ///
    /// - Throws: ``APIError`` invalid argument naming the file and what is wrong with it.
    static func upload(_ data: Data, fileName: String) async throws -> PipelinePackage {
        var contents = data
        var name = fileName
        if data.count >= 2, data[data.startIndex] == 0x1F, data[data.startIndex + 1] == 0x8B {
            (name, contents) = try await extractTarball(data, fileName: fileName)
        }
        let loaded: LoadedSpec
        do {
            loaded = try SpecLoader(file: name).load(contents)
        } catch {
            throw APIError.invalidArgument("Failed to parse the pipeline package \(fileName): \(error.description)")
        }
        return try validated(loaded, what: "pipeline package \(fileName)")
    }

    /// Reads a run's or recurring run's inline `pipeline_spec` (the IR or the wrapper form).
    static func inline(_ value: JSONValue, field: String) throws -> PipelinePackage {
        let loaded: LoadedSpec
        do {
            loaded = try SpecLoader(file: field).load(value.compactJSON())
        } catch {
            throw APIError.invalidArgument("Invalid \(field): \(error.description)")
        }
        return try validated(loaded, what: field)
    }

    /// Re-reads a stored spec (it was validated when stored).
    static func stored(_ value: JSONValue) throws -> PipelinePackage {
        try inline(value, field: "the stored pipeline spec")
    }

    private static func validated(_ loaded: LoadedSpec, what: String) throws -> PipelinePackage {
        guard let spec = loaded.pipelineSpec, spec.root.dag != nil else {
            throw APIError.invalidArgument("Invalid \(what): expected a compiled pipeline (IR with a root DAG), found a v1 component or a component without a DAG")
        }
        let problems = SpecValidator().problems(in: loaded)
        if !problems.isEmpty {
            throw APIError.invalidArgument(
                "Invalid \(what): " + problems.map(\.pathAndMessage).joined(separator: "; "))
        }
        let tree: JSONValue
        do {
            tree = try SpecWriter().tree(of: spec)
        } catch {
            throw APIError.internalError("cannot encode \(what): \(error.description)")
        }
        let json = spec.platformSpec.map { JSONValue.object(["pipeline_spec": tree, "platform_spec": $0]) } ?? tree
        return PipelinePackage(spec: spec, json: json)
    }

    /// The single file of a `.tar.gz` package, extracted with the system `tar`.
    private static func extractTarball(_ data: Data, fileName: String) async throws -> (String, Data) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-upload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("package.tar.gz")
        let unpacked = folder.appendingPathComponent("files")
        do {
            try FileManager.default.createDirectory(at: unpacked, withIntermediateDirectories: true)
            try data.write(to: archive)
            let result = try await Subprocess.run(
                .name("tar"), arguments: ["-xzf", archive.path, "-C", unpacked.path],
                output: .discarded, error: .string(limit: 4096))
            guard result.terminationStatus.isSuccess else {
                throw APIError.invalidArgument(
                    "Failed to read the pipeline package \(fileName) as a tar.gz archive: \(result.standardError ?? "")")
            }
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.invalidArgument("Failed to read the pipeline package \(fileName): \(error)")
        }
        let files = (FileManager.default.enumerator(at: unpacked, includingPropertiesForKeys: [.isRegularFileKey])?
            .compactMap { $0 as? URL } ?? [])
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        guard files.count == 1, let file = files.first, let contents = try? Data(contentsOf: file) else {
            throw APIError.invalidArgument(
                "Invalid pipeline package \(fileName): a tar.gz package holds exactly one spec file, found \(files.count)")
        }
        return ("\(fileName)!\(file.lastPathComponent)", contents)
    }
}
