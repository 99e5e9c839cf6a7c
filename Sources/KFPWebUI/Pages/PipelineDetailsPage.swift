import Foundation
import KFPAPI
import KFPSpec

/// A pipeline's page (`/pipelines/{id}?version=…&layer=…`): its versions, the static graph of the
/// selected version's spec (sub-DAGs open as layers), the spec as YAML, and the actions: create a
/// run, upload a new version, delete the version or the pipeline.
package struct PipelineDetailsPage: WebPage {
    package struct Version: Sendable, Equatable {
        package let id: String
        package let name: String
        package let description: String
        package let createdAt: String
        package let url: String
        package let selected: Bool
    }

    package let id: String
    package let name: String
    package let description: String
    package let createdAt: String
    package let versions: [Version]
    /// False for a pipeline whose last version was deleted.
    package let hasVersion: Bool
    package let versionID: String
    package let versionName: String
    package let layerCrumbs: [RunDetailsPage.Crumb]
    package let layerLabel: String
    package let graphHTML: String
    /// The selected node's component panel, rendered by its template (nil when none is open).
    package let panelHTML: String?
    package let specYAML: String
    package let createRunURL: String
    package let parameters: [RunDetailsPage.Parameter]
    package var template: String { "pipeline-details" }
    package var title: String { name }
    package var section: WebSection { .pipelines }

    /// The version a pipeline page shows: the version, its spec and the spec's YAML.
    package struct Selection: Sendable {
        package let version: PipelineVersion
        package let spec: PipelineSpec
        package let specYAML: String

        package init(version: PipelineVersion, spec: PipelineSpec, specYAML: String) {
            self.version = version
            self.spec = spec
            self.specYAML = specYAML
        }
    }

    /// - Parameters:
    ///   - versions: the pipeline's versions (newest first), from `ListPipelineVersions`.
    ///   - selection: the version drawn, or nil for a pipeline without versions (the page then
    ///     offers to upload one or delete the pipeline).
    /// - Throws: ``GraphPathError`` when `layerPath` names no DAG of the spec.
    package init(
        pipeline: UploadedPipeline, versions: [PipelineVersion], selection: Selection?, layerPath: String, node: String? = nil,
        renderer: PageRenderer
    ) throws {
        id = pipeline.pipelineID
        name = pipeline.displayName.isEmpty ? pipeline.name : pipeline.displayName
        description = pipeline.description
        createdAt = DisplayFormat.date(pipeline.createdAt)
        let base = "/pipelines/\(PageLink.escape(pipeline.pipelineID))"
        let selectedID = selection?.version.pipelineVersionID ?? ""
        self.versions = versions.map {
            Version(
                id: $0.pipelineVersionID, name: $0.displayName.isEmpty ? $0.name : $0.displayName, description: $0.description,
                createdAt: DisplayFormat.date($0.createdAt), url: PageLink.url(base, ["version": $0.pipelineVersionID]),
                selected: $0.pipelineVersionID == selectedID)
        }
        hasVersion = selection != nil
        versionID = selectedID
        versionName = selection.map { $0.version.displayName.isEmpty ? $0.version.name : $0.version.displayName } ?? ""
        specYAML = selection?.specYAML ?? ""
        createRunURL = PageLink.url("/runs/new", ["pipeline_id": pipeline.pipelineID, "version_id": selectedID])
        parameters = (selection?.spec.root.inputDefinitions?.parameters ?? [:]).sorted { $0.key < $1.key }.map { name, definition in
            RunDetailsPage.Parameter(
                name: name,
                value: "\(definition.parameterType?.rawValue ?? "STRING")\(definition.defaultValue.map { " = " + DisplayFormat.value($0, type: definition.parameterType ?? .string) } ?? "")")
        }
        let segments = layerPath.split(separator: "/").map(String.init)
        let versionURL = PageLink.url(base, ["version": selectedID])
        layerCrumbs = segments.isEmpty ? [] : [RunDetailsPage.Crumb(label: "Pipeline", url: versionURL)] + segments.indices.dropLast().map { index in
            RunDetailsPage.Crumb(
                label: segments[index], url: PageLink.url(base, ["version": selectedID, "layer": segments[...index].joined(separator: "/")]))
        }
        layerLabel = segments.last ?? "Pipeline"
        guard let selection else {
            graphHTML = ""
            panelHTML = nil
            return
        }
        let layer = segments.joined(separator: "/")
        let layout = GraphLayout(try PipelineGraph(spec: selection.spec, layerPath: layer))
        let panel = node.flatMap {
            ComponentPanel(spec: selection.spec, path: $0, closeURL: PageLink.url(base, ["version": selectedID, "layer": layer]))
        }
        panelHTML = panel.map { renderer.render($0, template: "component-panel") }
        let view = GraphView(layout: layout, layerPath: layer, states: nil, selectedPath: panel?.path) { node, path in
            node.opens ? PageLink.url(base, ["version": selectedID, "layer": path])
                : PageLink.url(base, ["version": selectedID, "layer": layer, "node": path])
        }
        graphHTML = renderer.render(view, template: "graph")
    }
}
