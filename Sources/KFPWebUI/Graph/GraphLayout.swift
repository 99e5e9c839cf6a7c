/// A layered (Sugiyama-style) layout of a ``PipelineGraph``: node boxes and edge curves in px,
/// top-down, for an SVG of ``width`` × ``height``.
///
/// ```swift
/// let layout = GraphLayout(try PipelineGraph(spec: spec, layerPath: ""))
/// for placed in layout.placedNodes { print(placed.node.id, placed.x, placed.y) }
/// ```
///
/// Each node's layer is the longest path to it from a source, so every edge points down. Nodes
/// within a layer are ordered by barycenter sweeps (down, then up) to reduce crossings, and each
/// node is then placed near the mean x of its upstream nodes. A layer of more than
/// ``Options/maxPerRow`` nodes wraps into rows of at most that many, so the width never exceeds
/// `2 × margin + maxPerRow × nodeWidth + (maxPerRow − 1) × horizontalGap`. Long edges get no
/// dummy nodes: each edge is one cubic curve.
///
/// Never fails. Cycles (impossible in a valid spec) are broken deterministically: nodes are sorted
/// topologically, ties and cycles going by ``PipelineGraph/nodes`` order, and an edge pointing back
/// in that order is still drawn (upwards) but ignored for layers and ordering. Edges naming unknown
/// nodes, self-edges and repeated edges are dropped; a repeated node id keeps its first node.
/// Time: O(sweeps × (V + E) log V); 1,000 nodes and 2,000 edges take about 20-40 ms in a debug build.
package struct GraphLayout: Sendable, Hashable {
    /// Sizes and limits, in px.
    package struct Options: Sendable, Hashable {
        /// The width of every node box.
        package var nodeWidth: Double
        /// The height of every node box.
        package var nodeHeight: Double
        /// The space between two boxes of a row.
        package var horizontalGap: Double
        /// The space between the last row of a layer and the first row of the next.
        package var verticalGap: Double
        /// The space between the wrapped rows of one layer.
        package var rowGap: Double
        /// The space around the drawing.
        package var margin: Double
        /// The most nodes in one row; a larger layer wraps (at least 1).
        package var maxPerRow: Int
        /// The number of barycenter sweep pairs (down and up) ordering the layers.
        package var sweeps: Int

        /// Options with the given sizes (px) and limits; the defaults draw 180 × 44 boxes.
        package init(
            nodeWidth: Double = 180, nodeHeight: Double = 44, horizontalGap: Double = 40, verticalGap: Double = 60,
            rowGap: Double = 24, margin: Double = 20, maxPerRow: Int = 10, sweeps: Int = 4
        ) {
            self.nodeWidth = nodeWidth
            self.nodeHeight = nodeHeight
            self.horizontalGap = horizontalGap
            self.verticalGap = verticalGap
            self.rowGap = rowGap
            self.margin = margin
            self.maxPerRow = maxPerRow
            self.sweeps = sweeps
        }
    }

    /// A node's box: top-left corner (`x`, `y`), `width` and `height`, in px.
    package struct PlacedNode: Sendable, Hashable {
        /// The node placed.
        package let node: GraphNode
        /// The box's left edge, in px from the drawing's left.
        package let x: Double
        /// The box's top edge, in px from the drawing's top.
        package let y: Double
        /// The box's width in px (``Options/nodeWidth``).
        package let width: Double
        /// The box's height in px (``Options/nodeHeight``).
        package let height: Double
        /// The node's layer: 0 for sources, else one more than the deepest upstream node's layer.
        package let layer: Int

        /// The x of the box's centre, in px.
        package var centerX: Double { x + width / 2 }
    }

    /// An edge as SVG path data: `M x y C x1 y1, x2 y2, x y` from the bottom centre of `from`'s box
    /// to the top centre of `to`'s box, numbers in px with at most one decimal.
    package struct PlacedEdge: Sendable, Hashable {
        /// The upstream node's id.
        package let from: String
        /// The downstream node's id.
        package let to: String
        /// The SVG path `d` attribute.
        package let path: String
    }

    /// The drawing's width in px, margins included.
    package let width: Double
    /// The drawing's height in px, margins included.
    package let height: Double
    /// Every node, layer by layer (top to bottom), left to right within a row.
    package let placedNodes: [PlacedNode]
    /// Every edge between two known, distinct nodes, in ``PipelineGraph/edges`` order.
    package let placedEdges: [PlacedEdge]

    /// Lays out `graph` with `options`: layers top to bottom, wrapped rows, then edge curves.
    package init(_ graph: PipelineGraph, options: Options = .init()) {
        let perRow = max(1, options.maxPerRow)
        let structure = Structure(graph)
        var layers = structure.layers()
        Self.order(&layers, structure: structure, perRow: perRow, sweeps: max(0, options.sweeps))
        let widest = min(perRow, layers.map(\.count).max() ?? 0)
        let step = options.nodeWidth + options.horizontalGap
        let box = widest == 0 ? 0 : Double(widest - 1) * step + options.nodeWidth
        var left = [Double](repeating: 0, count: structure.nodes.count)
        var top = [Double](repeating: 0, count: structure.nodes.count)
        var placed: [PlacedNode] = []
        var y = options.margin
        for (layer, members) in layers.enumerated() {
            for rowStart in stride(from: 0, to: members.count, by: perRow) {
                let row = Array(members[rowStart..<min(rowStart + perRow, members.count)])
                let xs = Self.place(
                    row, upstream: structure.upstream, left: left, box: box, step: step, options: options)
                for (node, x) in zip(row, xs) {
                    left[node] = x
                    top[node] = y
                    placed.append(
                        PlacedNode(
                            node: structure.nodes[node], x: options.margin + x, y: y, width: options.nodeWidth,
                            height: options.nodeHeight, layer: layer))
                }
                y += options.nodeHeight + (rowStart + perRow < members.count ? options.rowGap : options.verticalGap)
            }
        }
        width = box + 2 * options.margin
        height = layers.isEmpty ? 2 * options.margin : y - options.verticalGap + options.margin
        placedNodes = placed
        placedEdges = structure.drawn.map { edge in
            let x1 = options.margin + left[edge.from] + options.nodeWidth / 2
            let y1 = top[edge.from] + options.nodeHeight
            let x2 = options.margin + left[edge.to] + options.nodeWidth / 2
            let y2 = top[edge.to]
            let bend = max(abs(y2 - y1) / 2, 20)
            var path = "M " + Self.format(x1) + " " + Self.format(y1)
            path += " C " + Self.format(x1) + " " + Self.format(y1 + bend)
            path += ", " + Self.format(x2) + " " + Self.format(y2 - bend)
            path += ", " + Self.format(x2) + " " + Self.format(y2)
            return PlacedEdge(from: structure.nodes[edge.from].id, to: structure.nodes[edge.to].id, path: path)
        }
    }

    /// Reorders each layer by barycenter sweeps: down (by upstream nodes), then up (by downstream
    /// nodes), at most `sweeps` times, stopping early once a sweep changes nothing. A node's
    /// coordinate is its column in its row, centred on 0.
    private static func order(_ layers: inout [[Int]], structure: Structure, perRow: Int, sweeps: Int) {
        var coordinate = [Double](repeating: 0, count: structure.nodes.count)
        for layer in layers { setCoordinates(layer, &coordinate, perRow: perRow) }
        guard layers.count > 1 else { return }
        for _ in 0..<sweeps {
            let before = layers
            for index in 1..<layers.count {
                layers[index] = sorted(layers[index], by: structure.upstream, coordinate)
                setCoordinates(layers[index], &coordinate, perRow: perRow)
            }
            for index in (0..<layers.count - 1).reversed() {
                layers[index] = sorted(layers[index], by: structure.downstream, coordinate)
                setCoordinates(layers[index], &coordinate, perRow: perRow)
            }
            if layers == before { break }
        }
    }

    /// `layer` sorted by the mean coordinate of each node's neighbours (its own when it has none);
    /// ties keep the current order.
    private static func sorted(_ layer: [Int], by neighbours: [[Int]], _ coordinate: [Double]) -> [Int] {
        guard layer.count > 1 else { return layer }
        var key = [Double](repeating: 0, count: layer.count)
        for position in 0..<layer.count {
            let others = neighbours[layer[position]]
            var sum = 0.0
            for other in others { sum += coordinate[other] }
            key[position] = others.isEmpty ? coordinate[layer[position]] : sum / Double(others.count)
        }
        if (1..<key.count).allSatisfy({ key[$0 - 1] <= key[$0] }) { return layer }
        var positions = Array(0..<layer.count)
        positions.sort { key[$0] != key[$1] ? key[$0] < key[$1] : $0 < $1 }
        return positions.map { layer[$0] }
    }

    private static func setCoordinates(_ layer: [Int], _ coordinate: inout [Double], perRow: Int) {
        for position in 0..<layer.count {
            let rowStart = position - position % perRow
            let rowCount = min(perRow, layer.count - rowStart)
            coordinate[layer[position]] = Double(position - rowStart) - Double(rowCount - 1) / 2
        }
    }

    /// The left x (within the box `0...box`) of each node of a row: near the mean centre of its
    /// upstream nodes, or spread around the box's centre when it has none, keeping `step` apart.
    private static func place(
        _ row: [Int], upstream: [[Int]], left: [Double], box: Double, step: Double, options: Options
    ) -> [Double] {
        let highest = max(0, box - options.nodeWidth)
        var xs: [Double] = []
        for (column, node) in row.enumerated() {
            let parents = upstream[node]
            var wanted = highest / 2 + (Double(column) - Double(row.count - 1) / 2) * step
            if !parents.isEmpty {
                var sum = 0.0
                for parent in parents { sum += left[parent] }
                wanted = sum / Double(parents.count)
            }
            xs.append(min(max(wanted, 0), highest))
        }
        for index in xs.indices.dropFirst() { xs[index] = max(xs[index], xs[index - 1] + step) }
        if let last = xs.indices.last { xs[last] = min(xs[last], highest) }
        for index in xs.indices.dropLast().reversed() { xs[index] = min(xs[index], xs[index + 1] - step) }
        return xs
    }

    /// `value` rounded to one decimal, without a trailing `.0` or a `-0`.
    static func format(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let tenths = Int((value * 10).rounded())
        let magnitude = abs(tenths)
        let sign = tenths < 0 ? "-" : ""
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}

/// A graph as indices: unique nodes, the edges to draw, and the acyclic (forward) edges by node.
private struct Structure {
    /// The nodes, first of each id, in graph order.
    var nodes: [GraphNode] = []
    /// Edges between known, distinct nodes, without repeats, in graph order.
    var drawn: [(from: Int, to: Int)] = []
    /// Forward upstream nodes of each node (edges that agree with the topological order).
    var upstream: [[Int]]
    /// Forward downstream nodes of each node.
    var downstream: [[Int]]
    /// The nodes in topological order (ties and cycles broken by graph order).
    var order: [Int]

    init(_ graph: PipelineGraph) {
        var index: [String: Int] = [:]
        for node in graph.nodes where index[node.id] == nil {
            index[node.id] = nodes.count
            nodes.append(node)
        }
        var seen = Set<Int>()
        for edge in graph.edges {
            guard let from = index[edge.from], let to = index[edge.to], from != to,
                seen.insert(from * nodes.count + to).inserted
            else { continue }
            drawn.append((from, to))
        }
        order = PipelineGraph.topologicalOrder(count: nodes.count, edges: drawn)
        var rank = [Int](repeating: 0, count: nodes.count)
        for (position, node) in order.enumerated() { rank[node] = position }
        upstream = [[Int]](repeating: [], count: nodes.count)
        downstream = [[Int]](repeating: [], count: nodes.count)
        for edge in drawn where rank[edge.from] < rank[edge.to] {
            upstream[edge.to].append(edge.from)
            downstream[edge.from].append(edge.to)
        }
    }

    /// The nodes of each layer (longest path from a source over forward edges), in topological order.
    func layers() -> [[Int]] {
        var layer = [Int](repeating: 0, count: nodes.count)
        var layers: [[Int]] = []
        for node in order {
            for parent in upstream[node] { layer[node] = max(layer[node], layer[parent] + 1) }
            while layers.count <= layer[node] { layers.append([]) }
            layers[layer[node]].append(node)
        }
        return layers
    }
}
