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

    /// The single file of a `.tar.gz` package, read with the system `tar`: the members are listed
    /// first, and a package with a member outside it (an absolute path or `..`, tar-slip) or other
    /// than one file is refused; the file is then read to memory (never extracted to disk), up to
    /// ``SpecArchive/maximumFileBytes``.
    private static func extractTarball(_ data: Data, fileName: String) async throws -> (String, Data) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-upload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("package.tar.gz")
        let members: [String]
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: archive)
            let listing = try await Subprocess.run(
                .name("tar"), arguments: ["-tzf", archive.path], output: .string(limit: 1 << 20), error: .string(limit: 4096))
            guard listing.terminationStatus.isSuccess else {
                throw APIError.invalidArgument(
                    "Failed to read the pipeline package \(fileName) as a tar.gz archive: \(listing.standardError ?? "")")
            }
            members = (listing.standardOutput ?? "").split(separator: "\n").map(String.init)
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.invalidArgument("Failed to read the pipeline package \(fileName): \(error)")
        }
        if let outside = members.first(where: SpecArchive.leavesPackage) {
            throw APIError.invalidArgument(
                "Invalid pipeline package \(fileName): the tar.gz archive has a member outside the package, '\(outside)'; members with '..' or an absolute path are refused")
        }
        let files = members.filter { !$0.hasSuffix("/") }
        guard files.count == 1, let member = files.first else {
            throw APIError.invalidArgument(
                "Invalid pipeline package \(fileName): a tar.gz package holds exactly one spec file, found \(files.count)")
        }
        let contents: [UInt8]
        do {
            let read = try await Subprocess.run(
                .name("tar"), arguments: ["-xzOf", archive.path, "--", member],
                output: .bytes(limit: SpecArchive.maximumFileBytes), error: .string(limit: 4096))
            guard read.terminationStatus.isSuccess else {
                throw APIError.invalidArgument("Failed to read \(member) from the pipeline package \(fileName): \(read.standardError ?? "")")
            }
            contents = read.standardOutput
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.invalidArgument(
                "Invalid pipeline package \(fileName): cannot read \(member) (a spec file is at most \(SpecArchive.maximumFileBytes) bytes): \(error)")
        }
        return ("\(fileName)!\((member as NSString).lastPathComponent)", Data(contents))
    }
}
