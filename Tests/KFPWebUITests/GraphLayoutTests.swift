import Foundation
import KFPSpec
import KFPTestSupport
import Testing

@testable import KFPWebUI

@Suite("Graph layout")
struct GraphLayoutTests {
    /// A graph of container nodes named `ids` with edges `"a->b"`.
    private func graph(_ ids: [String], _ edges: [String] = []) -> PipelineGraph {
        PipelineGraph(
            nodes: ids.map { GraphNode(id: $0, label: $0, kind: .container, componentName: "comp-\($0)") },
            edges: edges.map { edge in
                let parts = edge.components(separatedBy: "->")
                return GraphEdge(from: parts[0], to: parts[parts.count - 1])
            })
    }

    private func placed(_ layout: GraphLayout) -> [String: GraphLayout.PlacedNode] {
        Dictionary(layout.placedNodes.map { ($0.node.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Checks the invariants every layout keeps: boxes inside the drawing, no two boxes overlap,
    /// every edge goes from its upstream box's bottom centre to its downstream box's top centre,
    /// and the width stays within `maxPerRow` boxes.
    private func checkInvariants(
        _ layout: GraphLayout, options: GraphLayout.Options = .init(), sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let boxes = layout.placedNodes
        #expect(
            boxes.allSatisfy {
                $0.x >= 0 && $0.y >= 0 && $0.x + $0.width <= layout.width && $0.y + $0.height <= layout.height
            },
            "boxes inside the drawing", sourceLocation: sourceLocation)
        let rows = Dictionary(grouping: boxes, by: \.y)
        var overlaps = 0
        for row in rows.values {
            let sorted = row.sorted { $0.x < $1.x }
            for (left, right) in zip(sorted, sorted.dropFirst())
            where left.x + left.width + options.horizontalGap > right.x + 0.001 {
                overlaps += 1
            }
        }
        let ys = rows.keys.sorted()
        for (upper, lower) in zip(ys, ys.dropFirst()) where upper + options.nodeHeight > lower { overlaps += 1 }
        #expect(overlaps == 0, "overlapping boxes", sourceLocation: sourceLocation)
        let bound =
            2 * options.margin + Double(options.maxPerRow) * options.nodeWidth
            + Double(options.maxPerRow - 1) * options.horizontalGap
        #expect(layout.width <= bound, sourceLocation: sourceLocation)
        let byID = placed(layout)
        for edge in layout.placedEdges {
            guard let from = byID[edge.from], let to = byID[edge.to] else {
                Issue.record("edge \(edge.from)->\(edge.to) names an unplaced node", sourceLocation: sourceLocation)
                continue
            }
            let start = "M \(GraphLayout.format(from.centerX)) \(GraphLayout.format(from.y + from.height)) C "
            let end = ", \(GraphLayout.format(to.centerX)) \(GraphLayout.format(to.y))"
            #expect(edge.path.hasPrefix(start), "\(edge.path)", sourceLocation: sourceLocation)
            #expect(edge.path.hasSuffix(end), "\(edge.path)", sourceLocation: sourceLocation)
        }
    }

    @Test("xgboost_sample_pipeline: layers by longest path, rows 104 px apart, curves between box edges")
    func xgboostLayers() throws {
        guard let spec = try GraphCorpus.spec("xgboost_sample_pipeline.yaml") else { return }
        let layout = GraphLayout(try PipelineGraph(spec: spec, layerPath: ""))
        let nodes = placed(layout)
        let layers = Dictionary(grouping: layout.placedNodes, by: \.layer).mapValues { $0.map(\.node.id).sorted() }
        #expect(
            layers == [
                0: ["chicago-taxi-trips-dataset"],
                1: ["convert-csv-to-apache-parquet", "xgboost-train"],
                2: ["xgboost-predict", "xgboost-predict-3", "xgboost-train-2"],
                3: ["xgboost-predict-2", "xgboost-predict-4"],
            ])
        #expect(layout.placedNodes.allSatisfy { $0.y == 20 + Double($0.layer) * 104 })
        #expect(layout.placedNodes.allSatisfy { $0.width == 180 && $0.height == 44 })
        #expect(layout.width == 660)  // 2 × 20 + 3 × 180 + 2 × 40
        #expect(layout.height == 396)  // 20 + 4 × 44 + 3 × 60 + 20
        #expect(layout.placedEdges.count == 11)
        #expect(nodes["chicago-taxi-trips-dataset"]?.x == 240)
        let edge = try #require(
            layout.placedEdges.first { $0.from == "chicago-taxi-trips-dataset" && $0.to == "xgboost-train" })
        let train = try #require(nodes["xgboost-train"])
        let x2 = GraphLayout.format(train.centerX)
        #expect(edge.path == "M 330 64 C 330 94, \(x2) 94, \(x2) 124")
        checkInvariants(layout)
    }

    @Test("every DAG layer of every valid corpus pipeline lays out within the invariants")
    func corpusLayouts() throws {
        var count = 0
        for url in TestEnvironment.corpusFiles("pipelines/valid") {
            guard let spec = try? SpecLoader(file: url.path).load(try Data(contentsOf: url)).pipelineSpec,
                let graph = try? PipelineGraph(spec: spec, layerPath: "")
            else { continue }
            let layout = GraphLayout(graph)
            #expect(layout.placedNodes.count == graph.nodes.count, "\(url.lastPathComponent)")
            #expect(layout.placedEdges.count == graph.edges.count, "\(url.lastPathComponent)")
            checkInvariants(layout)
            count += 1
        }
        if TestEnvironment.corpus != nil { #expect(count > 50) }
    }

    @Test("barycenter ordering puts each child under its parent instead of crossing")
    func barycenterUncrosses() {
        let layout = GraphLayout(graph(["a", "b", "x", "y"], ["a->y", "b->x"]))
        let nodes = placed(layout)
        #expect(layout.placedNodes.map(\.node.id) == ["a", "b", "y", "x"])
        #expect(nodes["y"]?.x == nodes["a"]?.x)
        #expect(nodes["x"]?.x == nodes["b"]?.x)
        #expect(nodes["a"]?.x == 20)
        #expect(nodes["b"]?.x == 240)
        #expect(layout.width == 440)
        #expect(layout.height == 188)  // 20 + 44 + 60 + 44 + 20
    }

    @Test("a root DAG of 200 independent tasks wraps into 20 rows of 10")
    func independentTasksWrap() {
        let ids = (0..<200).map { String(format: "t-%03d", $0) }
        let layout = GraphLayout(graph(ids))
        #expect(layout.width == 2200)
        #expect(layout.height == 1_376)  // 20 × 44 + 19 × 24 + 2 × 20
        #expect(Set(layout.placedNodes.map(\.y)).count == 20)
        #expect(Set(layout.placedNodes.map(\.x)) == Set((0..<10).map { 20 + Double($0) * 220 }))
        #expect(layout.placedNodes.allSatisfy { $0.layer == 0 })
        #expect(layout.placedNodes.prefix(10).map(\.node.id) == Array(ids.prefix(10)))
        checkInvariants(layout)
    }

    @Test("a fan-out of 200 from one task and a fan-in of 200 into one stay within 10 columns")
    func fanOutAndIn() {
        let leaves = (0..<200).map { "leaf-\($0)" }
        let fanOut = GraphLayout(graph(["root"] + leaves, leaves.map { "root->\($0)" }))
        let root = placed(fanOut)["root"]
        #expect(root?.x == 1_010)
        #expect(root?.y == 20)
        #expect(fanOut.placedNodes.filter { $0.layer == 1 }.map(\.y).min() == 124)
        #expect(fanOut.height == 1_480)  // 20 + 44 + 60 + 20 × 44 + 19 × 24 + 20
        checkInvariants(fanOut)
        let fanIn = GraphLayout(graph(leaves + ["sink"], leaves.map { "\($0)->sink" }))
        let sink = placed(fanIn)["sink"]
        #expect(sink?.x == 1_010)
        #expect(sink?.y == 1_416)  // 20 + 19 × (44 + 24) + 44 + 60
        #expect(sink?.layer == 1)
        #expect(fanIn.width == 2200)
        checkInvariants(fanIn)
    }

    @Test("a generated 200-task spec with a final join task wraps and keeps its edges")
    func generatedSpec() throws {
        var yaml = """
            pipelineInfo:
              name: wide
            schemaVersion: 2.1.0
            deploymentSpec:
              executors:
                exec-step:
                  container:
                    image: alpine:3.20
            components:
              comp-step:
                executorLabel: exec-step
            root:
              dag:
                tasks:

            """
        let names = (0..<200).map { String(format: "step-%03d", $0) }
        for name in names {
            yaml +=
                "      \(name):\n        componentRef:\n          name: comp-step\n        taskInfo:\n          name: \(name)\n"
        }
        yaml += "      join:\n        componentRef:\n          name: comp-step\n        dependentTasks:\n"
        yaml += names.map { "        - \($0)\n" }.joined()
        let spec = try SpecLoader(file: "wide.yaml").loadPipelineSpec(yaml)
        let graph = try PipelineGraph(spec: spec, layerPath: "")
        #expect(graph.nodes.count == 201)
        #expect(graph.nodes.last?.id == "join")
        #expect(graph.edges.count == 200)
        let layout = GraphLayout(graph)
        #expect(layout.width == 2200)
        #expect(placed(layout)["join"]?.layer == 1)
        #expect(Set(layout.placedNodes.map(\.y)).count == 21)
        checkInvariants(layout)
    }

    @Test("cycles, self-edges, unknown nodes and duplicate ids never crash and are broken by graph order")
    func brokenGraphs() {
        var broken = graph(["a", "b", "c", "a"], ["a->b", "b->c", "c->a", "c->c", "a->zz", "a->b"])
        let layout = GraphLayout(broken)
        #expect(layout.placedNodes.map(\.node.id) == ["a", "b", "c"])
        #expect(layout.placedNodes.map(\.layer) == [0, 1, 2])
        #expect(layout.placedEdges.map { "\($0.from)->\($0.to)" } == ["a->b", "b->c", "c->a"])
        #expect(layout.placedEdges[2].path == "M 110 272 C 110 398, 110 -106, 110 20")
        checkInvariants(layout)
        broken = graph(["p", "q"], ["q->p", "p->q"])
        #expect(GraphLayout(broken).placedNodes.map(\.node.id) == ["p", "q"])
        let empty = GraphLayout(graph([]))
        #expect((empty.width, empty.height, empty.placedNodes.count) == (40, 40, 0))
        let tiny = GraphLayout(graph(["a", "b", "c"]), options: .init(maxPerRow: 0, sweeps: -1))
        #expect(tiny.placedNodes.map(\.y) == [20, 88, 156])
    }

    @Test("path numbers have at most one decimal and no negative zero")
    func numberFormat() {
        #expect(GraphLayout.format(12) == "12")
        #expect(GraphLayout.format(12.25) == "12.3")
        #expect(GraphLayout.format(0.04) == "0")
        #expect(GraphLayout.format(-0.04) == "0")
        #expect(GraphLayout.format(-1.5) == "-1.5")
        #expect(GraphLayout.format(1234.56) == "1234.6")
        #expect(GraphLayout.format(.nan) == "0")
    }

    @Test("1,000 nodes and 2,000 edges lay out within the invariants")
    func largeGraph() {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let ids = (0..<1_000).map { "n\($0)" }
        var edges: [String] = []
        while edges.count < 2_000 {
            let to = 1 + next(999)
            let from = max(0, to - 1 - next(40))
            edges.append("\(ids[from])->\(ids[to])")
        }
        let layout = GraphLayout(graph(ids, edges))
        #expect(layout.placedNodes.count == 1_000)
        #expect(layout.placedEdges.count == Set(edges).count)
        checkInvariants(layout)
    }
}
