import Foundation
import KFPTestSupport
import KFPSpec
import Testing

/// ``V1GraphConverter`` on the real v1 graph components of the corpus, whose tasks reference
/// components by raw.githubusercontent.com URLs (mapped to corpus files by a catalog; no network).
@Suite("v1 graph conversion of corpus graphs")
struct V1GraphCorpusTests {
    static let folder = "components-v1/contrib"
    static let crossValidation = "XGBoost__Cross_validation_for_regression__from_CSV.yaml"
    static let trainAndCrossValidate = "XGBoost__Train_and_cross-validate_regression__from_CSV.yaml"
    static let removeHeaderURL =
        "https://raw.githubusercontent.com/kubeflow/pipelines/02c9638287468c849632cf9f7885b51de4c66f86/components/tables/Remove_header/component.yaml"
    static let crossValidationURL =
        "https://raw.githubusercontent.com/Ark-kun/pipeline_components/master/components/XGBoost/Cross_validation_for_regression/from_CSV/component.yaml"
    /// The URLs the graphs reference, and the corpus file holding each component.
    static let referenced: [(url: String, file: String)] = [
        ("https://raw.githubusercontent.com/kubeflow/pipelines/e9b4b29b22a5120daf95b581b0392cd461a906f0/components/dataset_manipulation/split_data_into_folds/in_CSV/component.yaml",
         "dataset_manipulation__split_data_into_folds__in_CSV.yaml"),
        ("https://raw.githubusercontent.com/kubeflow/pipelines/567c04c51ff00a1ee525b3458425b17adbe3df61/components/XGBoost/Train/component.yaml",
         "XGBoost__Train.yaml"),
        ("https://raw.githubusercontent.com/kubeflow/pipelines/567c04c51ff00a1ee525b3458425b17adbe3df61/components/XGBoost/Predict/component.yaml",
         "XGBoost__Predict.yaml"),
        ("https://raw.githubusercontent.com/kubeflow/pipelines/6162d55998b176b50267d351241100bb0ee715bc/components/pandas/Transform_DataFrame/in_CSV_format/component.yaml",
         "pandas__Transform_DataFrame__in_CSV_format.yaml"),
        ("https://raw.githubusercontent.com/kubeflow/pipelines/7da1ac9464b4b3e7d95919faa2f1107a9635b7e4/components/ml_metrics/Calculate_regression_metrics/from_CSV/component.yaml",
         "ml_metrics__Calculate_regression_metrics__from_CSV.yaml"),
        ("https://raw.githubusercontent.com/kubeflow/pipelines/7ea9363fe201918d419fecdc00d1275e657ff712/components/ml_metrics/Aggregate_regression_metrics/component.yaml",
         "ml_metrics__Aggregate_regression_metrics.yaml"),
    ]

    /// Remove_header is not in the corpus; this is a small stand-in with the same interface.
    static let removeHeader = """
        name: Remove header
        description: Removes the header line from CSV and TSV data.
        inputs:
        - {name: table}
        outputs:
        - {name: table}
        implementation:
          container:
            image: alpine
            command:
            - sh
            - -exc
            - |
              mkdir -p "$(dirname "$1")"
              tail -n +2 <"$0" >"$1"
            - {inputPath: table}
            - {outputPath: table}
        """

    static func corpusFile(_ name: String) -> URL? {
        TestEnvironment.corpus?.appendingPathComponent(folder).appendingPathComponent(name)
    }

    static func load(_ name: String) async throws -> LoadedSpec? {
        guard let url = corpusFile(name) else { return nil }
        return try await ComponentLoader().load(contentsOf: url)
    }

    /// The referenced URLs mapped to corpus files; with the stand-in Remove header when asked.
    static func catalog(withRemoveHeader: Bool) async throws -> V1ComponentCatalog {
        var catalog = V1ComponentCatalog()
        for (url, file) in referenced {
            catalog[url] = .loaded(try #require(try await load(file)))
        }
        if withRemoveHeader {
            catalog[removeHeaderURL] = .loaded(try SpecLoader(file: "remove_header.yaml").load(removeHeader))
        }
        return catalog
    }

    @Test("Cross_validation without Remove_header: the unresolved reference names the task, the URL and the line")
    func crossValidationUnresolved() async throws {
        guard let loaded = try await Self.load(Self.crossValidation) else { return }
        let converter = V1GraphConverter(catalog: try await Self.catalog(withRemoveHeader: false), fetchURLs: false)
        let error = try await #require(throws: SpecError.self) { try await converter.pipelineSpec(for: loaded) }
        #expect(error.kind == .validation)
        #expect(error.diagnostics.count == 5)  // Remove header, Remove header 2, ... 5
        let first = try #require(error.diagnostics.first)
        #expect(first.file == loaded.file)
        #expect(first.mark == SourceMark(line: 77, column: 11))
        #expect(first.path == SpecPath("implementation", "graph", "tasks", "Remove header", "componentRef"))
        #expect(first.message.contains("task 'Remove header'"))
        #expect(first.message.contains("url '\(Self.removeHeaderURL)'"))
        #expect(first.message.contains("digest 'ba35ffea863855b956c3c50aefa0420ba3823949a6c059e6e3971cde960dc5a3'"))
        #expect(first.description.hasSuffix(".yaml:77:11: error: implementation.graph.tasks.Remove header.componentRef: " + first.message))
        #expect(error.diagnostics.map { $0.message.contains("Remove header") } == Array(repeating: true, count: 5))
    }

    @Test("Cross_validation with Remove_header converts: 27 tasks, wiring, dependencies and outputs")
    func crossValidationConverts() async throws {
        guard let loaded = try await Self.load(Self.crossValidation) else { return }
        let converter = V1GraphConverter(catalog: try await Self.catalog(withRemoveHeader: true), fetchURLs: false)
        let spec = try await converter.pipelineSpec(for: loaded)
        #expect(SpecValidator().problems(in: spec).isEmpty)
        #expect(spec.pipelineInfo.name == "xgboost-5-fold-cross-validation-for-regression")
        let tasks = try #require(spec.root.dag?.tasks)
        #expect(tasks.count == 27)
        #expect(spec.components?.count == 27)
        #expect(spec.deploymentSpec?.executors?.count == 27)
        for fold in ["", "-2", "-3", "-4", "-5"] {
            #expect(tasks["xgboost-train\(fold)"]?.componentRef.name == "comp-xgboost-train\(fold)")
            #expect(spec.components?["comp-remove-header\(fold)"]?.executorLabel == "exec-remove-header\(fold)")
        }

        // Root interface: the graph's inputs and outputs.
        let inputs = try #require(spec.root.inputDefinitions)
        #expect(inputs.artifacts?.keys.sorted() == ["data"])
        #expect(inputs.artifacts?["data"]?.artifactType.schemaTitle == "system.Artifact")
        #expect(inputs.parameters?["label_column"]
            == InputParameterDefinition(parameterType: .numberInteger, defaultValue: .int(0), isOptional: true))
        #expect(inputs.parameters?["num_iterations"]?.defaultValue == .int(200))
        #expect(inputs.parameters?["objective"]?.defaultValue == .string("reg:squarederror"))
        let outputs = try #require(spec.root.outputDefinitions)
        #expect(outputs.parameters?.mapValues { $0.parameterType } == [
            "mean_absolute_error": .numberDouble, "mean_squared_error": .numberDouble,
            "root_mean_squared_error": .numberDouble, "metrics": .struct,
        ])
        #expect(outputs.artifacts == nil)

        // A training task: an artifact from the split, parameters from the graph's inputs.
        let train = try #require(tasks["xgboost-train-3"])
        #expect(train.taskInfo?.name == "Xgboost train 3")
        #expect(train.cachingOptions == CachingOptions(enableCache: true))
        #expect(train.dependentTasks == ["split-table-into-folds"])
        #expect(train.inputs?.artifacts == [
            "training_data": TaskInputArtifact(
                taskOutputArtifact: TaskOutputArtifactReference(producerTask: "split-table-into-folds", outputArtifactKey: "train_3")),
        ])
        #expect(train.inputs?.parameters == [
            "label_column": TaskInputParameter(componentInputParameter: "label_column"),
            "num_iterations": TaskInputParameter(componentInputParameter: "num_iterations"),
            "objective": TaskInputParameter(componentInputParameter: "objective"),
        ])
        let split = try #require(tasks["split-table-into-folds"])
        #expect(split.dependentTasks == nil)
        #expect(split.inputs?.artifacts?["table"] == TaskInputArtifact(componentInputArtifact: "data"))

        // A constant for a PythonCode input used with inputValue: a STRING parameter.
        let transform = try #require(tasks["pandas-transform-dataframe-in-csv-format-2"])
        #expect(transform.inputs?.parameters?["transform_code"]?.runtimeValue?.constant == .string("df = df[[\"tips\"]]"))
        #expect(spec.components?["comp-pandas-transform-dataframe-in-csv-format-2"]?.inputDefinitions?.parameters?["transform_code"]?.parameterType == .string)

        let metrics = try #require(tasks["calculate-regression-metrics-from-csv"])
        #expect(metrics.dependentTasks == ["remove-header", "xgboost-predict"])
        #expect(metrics.inputs?.artifacts?["true_values"]?.taskOutputArtifact
            == TaskOutputArtifactReference(producerTask: "remove-header", outputArtifactKey: "table"))

        // The aggregate: five metrics parameters, each from a metrics task.
        let aggregate = try #require(tasks["aggregate-regression-metrics-from-csv"])
        let producers = ["calculate-regression-metrics-from-csv"] + (2...5).map { "calculate-regression-metrics-from-csv-\($0)" }
        #expect(aggregate.dependentTasks == producers)
        for (index, producer) in producers.enumerated() {
            #expect(aggregate.inputs?.parameters?["metrics_\(index + 1)"] == TaskInputParameter(
                taskOutputParameter: TaskOutputParameterReference(producerTask: producer, outputParameterKey: "metrics")))
        }

        // The DAG's outputs come from the aggregate.
        let dagOutputs = try #require(spec.root.dag?.outputs)
        #expect(dagOutputs.artifacts == nil)
        #expect(dagOutputs.parameters?.mapValues(\.selectors) == [
            "mean_absolute_error": [ParameterSelector(producerSubtask: "aggregate-regression-metrics-from-csv", outputParameterKey: "mean_absolute_error")],
            "mean_squared_error": [ParameterSelector(producerSubtask: "aggregate-regression-metrics-from-csv", outputParameterKey: "mean_squared_error")],
            "root_mean_squared_error": [ParameterSelector(producerSubtask: "aggregate-regression-metrics-from-csv", outputParameterKey: "root_mean_squared_error")],
            "metrics": [ParameterSelector(producerSubtask: "aggregate-regression-metrics-from-csv", outputParameterKey: "metrics")],
        ])

        // Each task's executor is what the container converter makes of the component alone.
        let alone = try V1ComponentConverter().pipelineSpec(for: try #require(try await Self.load("XGBoost__Train.yaml")))
        #expect(spec.deploymentSpec?.executors?["exec-xgboost-train-4"] == alone.deploymentSpec?.executors?["exec-xgboost-train"])
        #expect(spec.components?["comp-xgboost-train-4"]?.inputDefinitions == alone.components?["comp-xgboost-train"]?.inputDefinitions)

        // The printed pipeline loads and validates as a pipeline.
        let printed = try SpecWriter().write(spec)
        let reloaded = try SpecLoader(file: "converted.yaml").load(printed)
        #expect(reloaded.kind == .pipeline)
        #expect(reloaded.pipelineSpec == spec)
        #expect(SpecValidator().problems(in: reloaded).isEmpty)
    }

    @Test("Train_and_cross-validate converts: 32 tasks, a model artifact output and parameter outputs")
    func trainAndCrossValidateConverts() async throws {
        guard let loaded = try await Self.load(Self.trainAndCrossValidate) else { return }
        let converter = V1GraphConverter(catalog: try await Self.catalog(withRemoveHeader: true), fetchURLs: false)
        let spec = try await converter.pipelineSpec(for: loaded)
        #expect(SpecValidator().problems(in: spec).isEmpty)
        #expect(spec.pipelineInfo.name == "xgboost-train-and-cv-regression-on-csv")
        #expect(spec.root.dag?.tasks?.count == 32)
        #expect(spec.root.outputDefinitions?.artifacts?["model"]?.artifactType.schemaTitle == "system.Artifact")
        #expect(spec.root.dag?.outputs?.artifacts?["model"]?.artifactSelectors == [
            ArtifactSelector(producerSubtask: "xgboost-train", outputArtifactKey: "model"),
        ])
        #expect(spec.root.dag?.outputs?.parameters?["cv_metrics"]?.valueFromParameter == ParameterSelector(
            producerSubtask: "aggregate-regression-metrics-from-csv", outputParameterKey: "metrics"))
        #expect(spec.root.dag?.tasks?["calculate-regression-metrics-from-csv-5"]?.dependentTasks == ["remove-header-2", "xgboost-predict-6"])
    }

    @Test("a graph referencing Cross_validation by URL converts it to a nested DAG")
    func nestedCrossValidation() async throws {
        guard let crossValidation = try await Self.load(Self.crossValidation),
            let train = try await Self.load("XGBoost__Train.yaml")
        else { return }
        var catalog = try await Self.catalog(withRemoveHeader: true)
        catalog[Self.crossValidationURL] = .loaded(crossValidation)
        catalog["Xgboost train"] = .loaded(train)
        let wrapper = """
            name: Train and cross-validate
            inputs:
            - {name: training data, type: CSV}
            - {name: rounds, type: Integer, default: "20"}
            outputs:
            - {name: cv metrics, type: JsonObject}
            - {name: model, type: XGBoostModel}
            implementation:
              graph:
                tasks:
                  Cross-validate:
                    componentRef: {url: '\(Self.crossValidationURL)'}
                    arguments:
                      data: {graphInput: {inputName: training data}}
                      num_iterations: {graphInput: {inputName: rounds}}
                      label_column: "3"
                  Xgboost train:
                    componentRef: {name: Xgboost train}
                    arguments:
                      training_data: {graphInput: {inputName: training data}}
                      num_iterations: {graphInput: {inputName: rounds}}
                outputValues:
                  cv metrics: {taskOutput: {taskId: Cross-validate, outputName: metrics}}
                  model: {taskOutput: {taskId: Xgboost train, outputName: model}}
            """
        let loaded = try SpecLoader(file: "wrapper.yaml").load(wrapper)
        let spec = try await V1GraphConverter(catalog: catalog, fetchURLs: false).pipelineSpec(for: loaded)
        #expect(SpecValidator().problems(in: spec).isEmpty)
        let tasks = try #require(spec.root.dag?.tasks)
        #expect(tasks.keys.sorted() == ["cross-validate", "xgboost-train"])
        let cv = try #require(tasks["cross-validate"])
        #expect(cv.componentRef.name == "comp-cross-validate")
        #expect(cv.inputs?.artifacts?["data"] == TaskInputArtifact(componentInputArtifact: "training_data"))
        #expect(cv.inputs?.parameters?["num_iterations"] == TaskInputParameter(componentInputParameter: "rounds"))
        #expect(cv.inputs?.parameters?["label_column"]?.runtimeValue?.constant == .int(3))
        let nested = try #require(spec.components?["comp-cross-validate"])
        #expect(nested.executorLabel == nil)
        #expect(nested.dag?.tasks?.count == 27)
        #expect(nested.inputDefinitions?.parameters?["objective"]?.defaultValue == .string("reg:squarederror"))
        #expect(nested.dag?.outputs?.parameters?["metrics"]?.valueFromParameter?.producerSubtask == "aggregate-regression-metrics-from-csv")
        // Names are given depth-first in written order: the nested DAG's five training tasks take
        // comp-xgboost-train ... -5 before the outer task, written second, takes -6.
        #expect(nested.dag?.tasks?["xgboost-train"]?.componentRef.name == "comp-xgboost-train")
        #expect(tasks["xgboost-train"]?.componentRef.name == "comp-xgboost-train-6")
        #expect(spec.components?["comp-xgboost-train-6"]?.executorLabel == "exec-xgboost-train-6")
        #expect(spec.components?.count == 29)
        #expect(spec.deploymentSpec?.executors?.count == 28)
        #expect(spec.root.dag?.outputs?.parameters?["cv_metrics"]?.valueFromParameter
            == ParameterSelector(producerSubtask: "cross-validate", outputParameterKey: "metrics"))
        #expect(spec.root.inputDefinitions?.parameters?["rounds"]?.defaultValue == .int(20))
    }

    @Test("every corpus v1 component converts or fails with a located error, with an empty catalog and no fetching")
    func everyComponent() async throws {
        let converter = V1GraphConverter(fetchURLs: false)
        for file in TestEnvironment.corpusFiles("components-v1") {
            guard let loaded = try? SpecLoader(file: file.path).load(Data(contentsOf: file)) else { continue }
            do {
                let spec = try await converter.pipelineSpec(for: loaded)
                // Container components convert exactly as V1ComponentConverter converts them.
                #expect(spec == (try V1ComponentConverter().pipelineSpec(for: loaded)), "\(file.lastPathComponent)")
            } catch {
                #expect(loaded.v1Component?.implementation.graph != nil, "\(file.lastPathComponent): \(error)")
                #expect(error.diagnostics.allSatisfy { $0.file != nil && $0.mark != nil }, "\(file.lastPathComponent)")
            }
        }
    }
}
