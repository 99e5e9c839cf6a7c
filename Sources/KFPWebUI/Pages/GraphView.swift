import Foundation
import KFPAPI
import Mustache

/// The SVG graph of one DAG layer as the graph template draws it: ``GraphLayout``'s boxes with a
/// label, a kind, the task's state (on run pages) and the link a click follows.
package struct GraphView: Sendable {
    package struct Node: Sendable, Equatable {
        package let id: String
        /// The task path the runner and `task_details` use (`for-loop-2/0/train`).
        package let path: String
        package let label: String
        package let shortLabel: String
        package let kind: String
        package let kindLabel: String
        package let detail: String?
        package let stateClass: String
        package let stateLabel: String?
        package let url: String
        package let selected: Bool
        package let x, y, width, height: Double
        /// Where the state dot and the two text lines go (stored: templates read stored properties).
        package let dotX, dotY, textX, textY, subY: Double

        init(
            id: String, path: String, label: String, shortLabel: String, kind: String, kindLabel: String, detail: String?,
            stateClass: String, stateLabel: String?, url: String, selected: Bool, x: Double, y: Double, width: Double, height: Double
        ) {
            self.id = id
            self.path = path
            self.label = label
            self.shortLabel = shortLabel
            self.kind = kind
            self.kindLabel = kindLabel
            self.detail = detail
            self.stateClass = stateClass
            self.stateLabel = stateLabel
            self.url = url
            self.selected = selected
            self.x = x
            self.y = y
            self.width = width
            self.height = height
            dotX = x + 14
            dotY = y + height / 2
            textX = x + 26
            textY = y + height / 2 - 3
            subY = y + height / 2 + 12
        }
    }

    package struct Edge: Sendable, Equatable {
        package let from: String
        package let to: String
        package let path: String
    }

    package let width: Double
    package let height: Double
    package let nodes: [Node]
    package let edges: [Edge]

    /// - Parameters:
    ///   - layout: the laid-out graph of the layer.
    ///   - layerPath: the layer's task path prefix (`""` for the root DAG).
    ///   - states: task path → state, from the run's `task_details`; nil on the static pipeline graph.
    ///   - link: the URL a click on a node follows, given the node and its task path.
    ///   - selectedPath: the task path whose panel is open.
    package init(
        layout: GraphLayout, layerPath: String, states: [String: RuntimeState]?, selectedPath: String? = nil,
        link: (GraphNode, String) -> String
    ) {
        width = layout.width
        height = layout.height
        nodes = layout.placedNodes.map { placed in
            let node = placed.node
            let path = layerPath.isEmpty ? node.id : "\(layerPath)/\(node.id)"
            let state = states.map { RunTaskStates.state(of: path, in: $0) }
            return Node(
                id: node.id, path: path, label: node.label, shortLabel: Self.shorten(node.label, to: 22),
                kind: node.kind.rawValue, kindLabel: node.kind.label, detail: node.detail,
                stateClass: state.map { DisplayFormat.stateClass($0) } ?? "static",
                stateLabel: state.flatMap { $0 == .unspecified ? "NOT STARTED" : DisplayFormat.stateLabel($0) },
                url: link(node, path), selected: selectedPath == path,
                x: placed.x, y: placed.y, width: placed.width, height: placed.height)
        }
        edges = layout.placedEdges.map { Edge(from: $0.from, to: $0.to, path: $0.path) }
    }

    /// `text` cut to `limit` characters with `…` (the full label is in the node's tooltip).
    static func shorten(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

// The graph template reads these by name instead of through reflection: a 200-node graph looks
// up about 4,000 keys, which Mirror made the largest cost of a run page.
extension GraphView: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "width": return width
        case "height": return height
        case "nodes": return nodes
        case "edges": return edges
        default: return nil
        }
    }
}

extension GraphView.Node: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "path": return path
        case "label": return label
        case "shortLabel": return shortLabel
        case "kind": return kind
        case "kindLabel": return kindLabel
        case "detail": return detail
        case "stateClass": return stateClass
        case "stateLabel": return stateLabel
        case "url": return url
        case "selected": return selected
        case "x": return x
        case "y": return y
        case "width": return width
        case "height": return height
        case "dotX": return dotX
        case "dotY": return dotY
        case "textX": return textX
        case "textY": return textY
        case "subY": return subY
        default: return nil
        }
    }
}

extension GraphView.Edge: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "from": return from
        case "to": return to
        case "path": return path
        default: return nil
        }
    }
}
