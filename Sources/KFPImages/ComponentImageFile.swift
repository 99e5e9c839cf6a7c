import Foundation
import KFPSpec

/// A component file whose container image is to be replaced: a v1 `component.yaml`
/// (`implementation.container.image`) or a v2 component (the IR of one container step,
/// `deploymentSpec.executors.<label>.container.image`), in YAML or JSON.
///
/// The file is read and checked when the value is made, so a build is not started for a file it
/// cannot pin. ``rewritten(image:)`` changes only the image's text in place, keeping the file's
/// format, key order, comments and every other value as they were, and checks that by loading the
/// result (a file whose image cannot be changed in place, such as a block scalar, is written again
/// whole in canonical form, in its own format). ``write(image:)`` replaces the file atomically.
///
/// ```swift
/// let file = try ComponentImageFile(contentsOf: URL(fileURLWithPath: "component.yaml"))
/// try file.write(image: strict.description)
/// ```
public struct ComponentImageFile: Sendable {
    /// The two component formats.
    public enum Format: String, Sendable, Hashable {
        /// A v1 `component.yaml`.
        case v1
        /// A v2 component: the IR of a pipeline with one container step.
        case v2
    }

    /// The file.
    public let url: URL
    /// Its format, which the rewritten file keeps.
    public let format: Format
    /// The image the file names now.
    public let image: String
    /// The file's text.
    public let text: String
    let loaded: LoadedSpec
    /// Where the image is in the document.
    let imagePath: SpecPath

    /// Reads and checks a component file.
    ///
    /// - Throws: ``ImageBuildError`` (`componentFile`) naming the file, when it cannot be read or
    ///   written (its folder must be writable for the atomic replace), is not valid UTF-8 text, is
    ///   not a valid component, is a pipeline or a v1 graph component, or does not run exactly one container.
    public init(contentsOf url: URL) throws(ImageBuildError) {
        self.url = url
        let path = url.path
        func fail(_ why: String) -> ImageBuildError { ImageBuildError(.componentFile, "component file \(path) \(why)") }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw fail("cannot be read: \(FileReadProblem.reason(readingPath: path, error: error))")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw fail("is not UTF-8 text") }
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw fail("cannot be replaced: its folder \(folder) is not writable")
        }
        self.text = text
        do {
            loaded = try SpecLoader(file: path).load(text)
            try SpecValidator().validate(loaded)
        } catch {
            let first = error.diagnostics.first.map(\.pathAndMessage) ?? error.description
            throw fail("is not a valid component: \(first)")
        }
        // KFP's REST wrapper {"pipeline_spec": ...} puts the spec one level down.
        let prefix = loaded.source.mappingKeys(at: SpecPath())?.contains("pipeline_spec") == true ? SpecPath("pipeline_spec") : SpecPath()
        switch loaded.document {
        case .componentV1(let component):
            guard let container = component.implementation.container else {
                throw fail("is a v1 graph component; it runs no image of its own")
            }
            format = .v1
            image = container.image
            imagePath = prefix.appending("implementation", "container", "image")
        case .pipeline(let spec):
            let containers = (spec.deploymentSpec?.executors ?? [:]).compactMap { label, executor in
                executor.container.map { (label, $0.image) }
            }.sorted { $0.0 < $1.0 }
            guard spec.isSingleComponent, containers.count == 1, let (label, current) = containers.first else {
                let labels = containers.map { "'\($0.0)'" }.joined(separator: ", ")
                throw fail(
                    "is not a component with one container step (found \(spec.isSingleComponent ? "" : "a pipeline, ")\(containers.count) container executors\(labels.isEmpty ? "" : ": \(labels)"))")
            }
            format = .v2
            image = current
            imagePath = prefix.appending("deploymentSpec", "executors", label, "container", "image")
        }
    }

    /// The file's text with the image replaced by `image`; everything else is unchanged.
    ///
    /// - Throws: ``ImageBuildError`` (`componentFile`) when `image` is empty or has white space, or
    ///   the file cannot be rewritten to a component equal to this one but for the image.
    public func rewritten(image newImage: String) throws(ImageBuildError) -> String {
        guard !newImage.isEmpty, !newImage.contains(where: \.isWhitespace) else {
            throw ImageBuildError(.componentFile, "image '\(newImage)' for component file \(url.path) is not an image reference")
        }
        let expected = expectedDocument(image: newImage)
        if let mark = loaded.source.mark(for: imagePath),
            let spliced = YAMLScalarSplice(text: text).replacing(at: mark, with: newImage),
            (try? SpecLoader(file: url.path).load(spliced).document) == expected
        {
            return spliced
        }
        // In place was not possible: write the whole component again, in its own format.
        let json = text.drop { $0.isWhitespace }.first == "{"
        do {
            let whole: String
            switch expected {
            case .componentV1(let component): whole = try SpecWriter().write(component, format: json ? .json : .yaml)
            case .pipeline(let spec): whole = try SpecWriter().write(spec, format: json ? .json : .yaml)
            }
            guard try SpecLoader(file: url.path).load(whole).document == expected else {
                throw ImageBuildError(.componentFile, "component file \(url.path) cannot be rewritten with image '\(newImage)' without changing it otherwise")
            }
            return whole
        } catch let error as ImageBuildError {
            throw error
        } catch {
            throw ImageBuildError(.componentFile, "component file \(url.path) cannot be rewritten with image '\(newImage)': \(error)")
        }
    }

    /// Replaces the file with ``rewritten(image:)``, atomically: readers see the old file or the
    /// new one, never a part.
    ///
    /// - Throws: ``ImageBuildError`` (`componentFile`) from ``rewritten(image:)`` or when writing fails.
    public func write(image newImage: String) throws(ImageBuildError) {
        try AtomicFile.write(try rewritten(image: newImage), to: url, what: "component file")
    }

    /// The loaded document with the image replaced.
    func expectedDocument(image newImage: String) -> SpecDocument {
        switch loaded.document {
        case .componentV1(var component):
            component.implementation.container?.image = newImage
            return .componentV1(component)
        case .pipeline(var spec):
            guard case .key(let label) = imagePath.components.dropLast(2).last else { return .pipeline(spec) }
            spec.deploymentSpec?.executors?[label]?.container?.image = newImage
            return .pipeline(spec)
        }
    }
}
