import Foundation
public import KFPSpec

/// An artifact as a Swift component's `run()` sees it (KFP's `dsl.Artifact` and its subclasses):
/// where it lives and its metadata.
///
/// Declare inputs as `@Input var data: Dataset` (a list: `[Dataset]`, optional: `Dataset?`) and
/// outputs as `@Output var model: Model`; write an output's file at ``path`` and set its
/// ``metadata``, which the executor writes to `executor_output.json` as KFP's executor does.
public protocol ArtifactValue: Codable, Sendable {
    /// The IR type (`system.Dataset@0.0.1`, ...).
    static var schema: ArtifactTypeSchema { get }
    /// The artifact's name, URI and metadata.
    var fields: ArtifactFields { get set }
    /// An artifact with these fields.
    init(fields: ArtifactFields)
}

/// What every artifact has: KFP's `RuntimeArtifact` as a program sees it.
public struct ArtifactFields: Codable, Sendable, Hashable {
    /// The artifact's name (the producer's output key locally; an MLMD id on a cluster).
    public var name: String
    /// Where the artifact lives: an absolute path locally, or `gs://`, `s3://`, `minio://`, `oci://`.
    public var uri: String
    /// The artifact's metadata (a `google.protobuf.Struct`).
    public var metadata: [String: JSONValue]

    /// Fields with these values.
    public init(name: String = "", uri: String = "", metadata: [String: JSONValue] = [:]) {
        self.name = name
        self.uri = uri
        self.metadata = metadata
    }
}

extension ArtifactValue {
    /// An artifact with these fields.
    public init(name: String = "", uri: String = "", metadata: [String: JSONValue] = [:]) {
        self.init(fields: ArtifactFields(name: name, uri: uri, metadata: metadata))
    }

    /// The artifact's name (the producer's output key locally; an MLMD id on a cluster).
    public var name: String {
        get { fields.name }
        set { fields.name = newValue }
    }

    /// Where the artifact lives: an absolute path locally, or `gs://`, `s3://`, `minio://`, `oci://`.
    public var uri: String {
        get { fields.uri }
        set { fields.uri = newValue }
    }

    /// The artifact's metadata (a `google.protobuf.Struct`).
    public var metadata: [String: JSONValue] {
        get { fields.metadata }
        set { fields.metadata = newValue }
    }

    /// The local path of ``uri``, as KFP's `Artifact.path` maps it: `gs://b/x` is `/gcs/b/x`,
    /// `minio://` is `/minio/`, `s3://` is `/s3/`, `oci://a/b` is `/oci/a_b`; a local path is
    /// itself.
    public var path: String { ArtifactPaths.localPath(of: uri) }

    init(runtime: RuntimeArtifact) {
        self.init(name: runtime.name ?? "", uri: runtime.uri, metadata: runtime.metadata ?? [:])
    }

    var runtimeArtifact: RuntimeArtifact {
        RuntimeArtifact(name: name, uri: uri, metadata: metadata)
    }
}

/// KFP's mapping of remote URIs to the paths they are mounted at in a task's container.
enum ArtifactPaths {
    static let mounts = [("gs://", "/gcs/"), ("minio://", "/minio/"), ("s3://", "/s3/")]

    static func localPath(of uri: String) -> String {
        for (scheme, mount) in mounts where uri.hasPrefix(scheme) {
            return mount + uri.dropFirst(scheme.count)
        }
        if uri.hasPrefix("oci://") {
            return "/oci/" + uri.dropFirst("oci://".count).replacingOccurrences(of: "/", with: "_")
        }
        return uri
    }
}

/// `system.Artifact`: any artifact.
public struct Artifact: ArtifactValue {
    public static var schema: ArtifactTypeSchema { .artifact }
    public var fields: ArtifactFields
    public init(fields: ArtifactFields) { self.fields = fields }
}

/// `system.Dataset`: data, such as a CSV file.
public struct Dataset: ArtifactValue {
    public static var schema: ArtifactTypeSchema { .dataset }
    public var fields: ArtifactFields
    public init(fields: ArtifactFields) { self.fields = fields }
}

/// `system.Model`: a trained model.
public struct Model: ArtifactValue {
    public static var schema: ArtifactTypeSchema { .model }
    public var fields: ArtifactFields
    public init(fields: ArtifactFields) { self.fields = fields }

    /// The model's framework (`metadata.framework`), as KFP's `Model.framework`.
    public var framework: String {
        get { metadata["framework"]?.stringValue ?? "" }
        set { metadata["framework"] = .string(newValue) }
    }
}

/// `system.HTML`: an HTML page the UI shows.
public struct HTML: ArtifactValue {
    public static var schema: ArtifactTypeSchema { .html }
    public var fields: ArtifactFields
    public init(fields: ArtifactFields) { self.fields = fields }
}

/// `system.Markdown`: a Markdown document the UI shows.
public struct Markdown: ArtifactValue {
    public static var schema: ArtifactTypeSchema { .markdown }
    public var fields: ArtifactFields
    public init(fields: ArtifactFields) { self.fields = fields }
}
