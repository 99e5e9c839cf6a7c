import Foundation
import KFP
import KFPCompiler
import KFPSpec
import KFPTestSupport

/// A metrics pipeline on the real wine data (`../shared/data/wine_data.csv`, 178 wines, 13
/// features, 3 classes): `split-data` puts every third wine in the test set, `train-model` fits
/// a nearest-centroid classifier on the first `features` standardized features and logs
/// `system.Metrics` (accuracy, error_rate, test_rows), `system.ClassificationMetrics` (the 3×3
/// confusion matrix and the ROC points of class_0 against the rest), a `system.Markdown` report
/// and a `system.HTML` summary. Both are container components running `python3` with the
/// standard library only (the subprocess launcher runs them here).
enum WineMetricsPipeline {
    /// The data file, or nil when the shared data folder is absent.
    static let dataFile: URL? = {
        let file = TestEnvironment.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/wine_data.csv")
        return FileManager.default.fileExists(atPath: file.path) ? file : nil
    }()

    /// `python3` on the PATH, which the components run.
    static let hasPython: Bool = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }
    }()

    /// Whether the pipeline can run here (the data and `python3`); tests use it in `.enabled(if:)`.
    static var available: Bool { dataFile != nil && hasPython }

    static func spec() throws -> JSONValue {
        let split = try Component.container(
            name: "split-data", inputs: [.parameter("data_path", .string)],
            outputs: [.artifact("train", ArtifactTypeSchema(schemaTitle: "system.Dataset", schemaVersion: "0.0.1")),
                      .artifact("test", ArtifactTypeSchema(schemaTitle: "system.Dataset", schemaVersion: "0.0.1"))],
            image: "python:3.11",
            command: ["python3", "-c", ContainerArgument(stringLiteral: splitScript), .inputValue("data_path"), .outputPath("train"), .outputPath("test")])
        let train = try Component.container(
            name: "train-model",
            inputs: [.artifact("train", ArtifactTypeSchema(schemaTitle: "system.Dataset", schemaVersion: "0.0.1")),
                     .artifact("test", ArtifactTypeSchema(schemaTitle: "system.Dataset", schemaVersion: "0.0.1")),
                     .parameter("features", .numberInteger)],
            outputs: [.artifact("model", ArtifactTypeSchema(schemaTitle: "system.Model", schemaVersion: "0.0.1")),
                      .artifact("metrics", ArtifactTypeSchema(schemaTitle: "system.Metrics", schemaVersion: "0.0.1")),
                      .artifact("classification", ArtifactTypeSchema(schemaTitle: "system.ClassificationMetrics", schemaVersion: "0.0.1")),
                      .artifact("report", ArtifactTypeSchema(schemaTitle: "system.Markdown", schemaVersion: "0.0.1")),
                      .artifact("summary", ArtifactTypeSchema(schemaTitle: "system.HTML", schemaVersion: "0.0.1"))],
            image: "python:3.11",
            command: ["python3", "-c", ContainerArgument(stringLiteral: trainScript), .executorInput])
        let pipeline = try Pipeline("wine-metrics") { p in
            let data = p.parameter("data_path", .string)
            let features = p.parameter("features", .numberInteger, default: .int(2))
            let parts = p.task(split, ["data_path": data])
            p.task(train, ["train": parts.outputs["train"], "test": parts.outputs["test"], "features": features])
        }
        return try SpecWriter().tree(of: try PipelineCompiler().compile(pipeline))
    }

    static let splitScript = #"""
        import csv, os, sys
        data, train, test = sys.argv[1], sys.argv[2], sys.argv[3]
        with open(data) as f:
            rows = list(csv.reader(f))[1:]
        for path in (train, test):
            os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(train, "w", newline="") as a, open(test, "w", newline="") as b:
            wa, wb = csv.writer(a), csv.writer(b)
            for i, row in enumerate(rows):
                (wb if i % 3 == 0 else wa).writerow(row)
        print(f"split {len(rows)} rows: {len(rows) - len(rows[::3])} train, {len(rows[::3])} test")
        """#

    static let trainScript = #"""
        import csv, json, math, os, sys
        executor_input = json.loads(sys.argv[1])
        inputs, outputs = executor_input["inputs"], executor_input["outputs"]
        features = int(inputs["parameterValues"]["features"])
        def read(name):
            path = inputs["artifacts"][name]["artifacts"][0]["uri"]
            with open(path) as f:
                return [([float(v) for v in r[:features]], int(r[-1])) for r in csv.reader(f)]
        train, test = read("train"), read("test")
        n = len(train)
        mean = [sum(x[j] for x, _ in train) / n for j in range(features)]
        std = [math.sqrt(sum((x[j] - mean[j]) ** 2 for x, _ in train) / n) or 1.0 for j in range(features)]
        z = lambda x: [(x[j] - mean[j]) / std[j] for j in range(features)]
        centroids = {}
        for c in (0, 1, 2):
            members = [z(x) for x, y in train if y == c]
            centroids[c] = [sum(m[j] for m in members) / len(members) for j in range(features)]
        dist = lambda a, b: math.sqrt(sum((p - q) ** 2 for p, q in zip(a, b)))
        matrix = [[0, 0, 0] for _ in range(3)]
        scores = []
        for x, y in test:
            d = {c: dist(z(x), centroids[c]) for c in centroids}
            predicted = min(d, key=d.get)
            matrix[y][predicted] += 1
            other = min(d[1], d[2])
            scores.append((round(other / (d[0] + other), 4), y == 0))
        correct = sum(matrix[c][c] for c in range(3))
        accuracy = round(correct / len(test), 4)
        positives = sum(1 for _, p in scores if p)
        negatives = len(scores) - positives
        roc = []
        for t in sorted({s for s, _ in scores} | {1.0}, reverse=True):
            tp = sum(1 for s, p in scores if p and s >= t)
            fp = sum(1 for s, p in scores if not p and s >= t)
            roc.append({"confidenceThreshold": t, "recall": round(tp / positives, 4), "falsePositiveRate": round(fp / negatives, 4)})
        def uri(name):
            return outputs["artifacts"][name]["artifacts"][0]["uri"]
        for name in ("model", "metrics", "classification", "report", "summary"):
            os.makedirs(os.path.dirname(uri(name)), exist_ok=True)
        with open(uri("model"), "w") as f:
            json.dump({"features": features, "mean": mean, "std": std, "centroids": centroids}, f)
        for name in ("metrics", "classification"):
            open(uri(name), "w").close()
        with open(uri("report"), "w") as f:
            f.write(f"# Wine model\n\nNearest centroid on **{features}** features: accuracy {accuracy}.\n")
        with open(uri("summary"), "w") as f:
            f.write(f"<h1>Wine model</h1><p>{correct} of {len(test)} test wines right.</p>")
        metrics = {"accuracy": accuracy, "error_rate": round(1 - accuracy, 4), "test_rows": len(test)}
        classification = {
            "confusionMatrix": {"annotationSpecs": [{"displayName": f"class_{c}"} for c in range(3)],
                                "rows": [{"row": row} for row in matrix]},
            "confidenceMetrics": roc,
        }
        artifact = lambda name, metadata: {"artifacts": [{"name": name, "uri": uri(name), "metadata": metadata}]}
        result = {"artifacts": {"metrics": artifact("metrics", metrics), "classification": artifact("classification", classification)}}
        os.makedirs(os.path.dirname(outputs["outputFile"]), exist_ok=True)
        with open(outputs["outputFile"], "w") as f:
            json.dump(result, f)
        print(f"accuracy {accuracy} with {features} features")
        """#
}
