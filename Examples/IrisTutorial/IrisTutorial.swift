public import Foundation
public import KFP
import KFPSpec

/// The KFP tutorial pipeline in Swift: a reusable component loaded from `component.yaml` downloads
/// a tarball from a URL with curl, and a Python function component (pandas) extracts its CSV files
/// and merges them into one CSV without headers.
///
/// The example ships the tutorial's data (the iris data set as three CSV files in a tarball, a
/// public-domain data set) and serves it on a loopback HTTP server while it runs
/// (``LoopbackFileServer``), so the download step really downloads.
public enum IrisTutorial {
    /// The pipeline name.
    public static let pipelineName = "iris-merge-csv"
    /// The name the tarball is served under.
    public static let tarballName = "iris-csv-files.tar.gz"

    /// The folder of the example's resources (the component file, the Python source, the data).
    public static var resources: URL {
        Bundle.module.url(forResource: "Resources", withExtension: nil) ?? Bundle.module.bundleURL.appendingPathComponent("Resources")
    }

    /// The bundled iris tarball: `iris-1.csv`, `iris-2.csv`, `iris-3.csv`, 150 rows of 5 columns
    /// in all, no header.
    public static var tarball: URL { resources.appendingPathComponent(tarballName) }

    /// The download step: `download-data.component.yaml`, the interface and command of the public
    /// KFP "Download data" component (`Url`, `curl options` → `Data`), with curl told to fail on
    /// HTTP errors.
    ///
    /// - Throws: `SpecError` when the file is missing or not a component.
    public static func downloadComponent() throws -> Component {
        try Component(contentsOf: resources.appendingPathComponent("download-data.component.yaml"))
    }

    /// The merge step: `merge_csv(file_path: InputPath('Tarball'), output_csv: OutputPath('CSV'))`
    /// from `merge_csv.py`, a Python function component installing pandas.
    ///
    /// - Throws: `DefinitionError` when the source has no such function; an I/O error when the
    ///   file is missing.
    public static func mergeComponent() throws -> PythonComponent {
        let source = try String(contentsOf: resources.appendingPathComponent("merge_csv.py"), encoding: .utf8)
        return try PythonComponent(
            source: source, function: "merge_csv", baseImage: "python:3.11", packagesToInstall: ["pandas"])
    }

    /// The pipeline: `url` (a string) → Download data → merge_csv.
    ///
    /// - Throws: what loading the components throws, or `DefinitionError`.
    public static func pipeline() throws -> Pipeline {
        let download = try downloadComponent()
        let merge = try mergeComponent()
        return try Pipeline(
            pipelineName, description: "Downloads a tarball of CSV files and merges them into one CSV file."
        ) { p in
            let url = p.parameter("url", .string, description: "The URL of a .tar.gz holding CSV files")
            let data = p.task(download, ["url": url])
            p.task(merge, ["file_path": data.outputs["data"]])
        }
    }
}
