import Foundation
import KFPAPI
import KFPSpec

/// A pipeline's page (`/pipelines/{id}?version=…&layer=…`): its versions, the static graph of the
/// selected version's spec (sub-DAGs open as layers), the spec as YAML, and the actions: create a
/// run, upload a new version, delete the version or the pipeline.
public struct PipelineDetailsPage: WebPage {
    public struct Version: Sendable, Equatable {
        public let id: String
        public let name: String
        public let description: String
        public let createdAt: String
        public let url: String
        public let selected: Bool
    }

    public let id: String
    public let name: String
    public let description: String
    public let createdAt: String
    public let versions: [Version]
    public let versionID: String
    public let versionName: String
    public let layerCrumbs: [RunDetailsPage.Crumb]
    public let layerLabel: String
    public let graphHTML: String
    public let specYAML: String
    public let createRunURL: String
    public let parameters: [RunDetailsPage.Parameter]
    public var template: String { "pipeline-details" }
    public var title: String { name }
    public var section: WebSection { .pipelines }

    /// - Parameters:
    ///   - versions: the pipeline's versions (newest first), from `ListPipelineVersions`.
    ///   - version: the selected version (its `pipeline_spec` is drawn).
    ///   - spec: that version's spec; `specYAML` its YAML text.
    /// - Throws: ``GraphPathError`` when `layerPath` names no DAG of the spec.
    public init(
        pipeline: UploadedPipeline, versions: [PipelineVersion], version: PipelineVersion, spec: PipelineSpec, specYAML: String,
        layerPath: String, renderer: PageRenderer
    ) throws {
        id = pipeline.pipelineID
        name = pipeline.displayName.isEmpty ? pipeline.name : pipeline.displayName
        description = pipeline.description
        createdAt = DisplayFormat.date(pipeline.createdAt)
        let base = "/pipelines/\(PageLink.escape(pipeline.pipelineID))"
        self.versions = versions.map {
            Version(
                id: $0.pipelineVersionID, name: $0.displayName.isEmpty ? $0.name : $0.displayName, description: $0.description,
                createdAt: DisplayFormat.date($0.createdAt), url: PageLink.url(base, ["version": $0.pipelineVersionID]),
                selected: $0.pipelineVersionID == version.pipelineVersionID)
        }
        versionID = version.pipelineVersionID
        versionName = version.displayName.isEmpty ? version.name : version.displayName
        self.specYAML = specYAML
        createRunURL = PageLink.url("/runs/new", ["pipeline_id": pipeline.pipelineID, "version_id": version.pipelineVersionID])
        parameters = (spec.root.inputDefinitions?.parameters ?? [:]).sorted { $0.key < $1.key }.map { name, definition in
            RunDetailsPage.Parameter(
                name: name, value: "\(definition.parameterType?.rawValue ?? "STRING")\(definition.defaultValue.map { " = " + DisplayFormat.value($0) } ?? "")")
        }
        let segments = layerPath.split(separator: "/").map(String.init)
        let versionURL = PageLink.url(base, ["version": version.pipelineVersionID])
        layerCrumbs = segments.isEmpty ? [] : [RunDetailsPage.Crumb(label: "Pipeline", url: versionURL)] + segments.indices.dropLast().map { index in
            RunDetailsPage.Crumb(
                label: segments[index],
                url: PageLink.url(base, ["version": version.pipelineVersionID, "layer": segments[...index].joined(separator: "/")]))
        }
        layerLabel = segments.last ?? "Pipeline"
        let layout = GraphLayout(try PipelineGraph(spec: spec, layerPath: segments.joined(separator: "/")))
        let view = GraphView(layout: layout, layerPath: segments.joined(separator: "/"), states: nil) { node, path in
            node.opens ? PageLink.url(base, ["version": version.pipelineVersionID, "layer": path]) : "#node-\(node.id)"
        }
        graphHTML = renderer.render(view, template: "graph")
    }
}
