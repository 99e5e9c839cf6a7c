import Foundation
public import KFP
import KFPSpec

/// A folder of Python modules with `@dsl.component(target_image=...)` functions, built into one
/// image as KFP 2.17.3's `kfp component build` does: the files it generates (`Dockerfile` when
/// absent, `runtime-requirements.txt`, `.dockerignore` when absent, `kfp_config.ini`), the image
/// built and tagged with the components' `target_image`, pushed, and each component's spec written
/// to `component_metadata/<function>.yaml` (or its `output_component_file`) naming the image by its
/// strict name.
///
/// The modules are read, not run (see ``KFP/PythonModuleComponents``): every `.py` file under the
/// folder, except in hidden folders and `component_metadata/`.
///
/// ```swift
/// let build = try PythonComponentsBuild(folder: URL(fileURLWithPath: "components"))
/// let result = try await build.run(with: ImageBuilder(engine: try ImageEngine.locate(.podman)), push: true)
/// print(result.image)           // 127.0.0.1:5000/add@sha256:…
/// ```
public struct PythonComponentsBuild: Sendable {
    /// One component found: the module's path relative to the folder and the declaration.
    public struct Found: Sendable {
        /// The module, relative to the folder (`add.py`, `math/mul.py`).
        public let modulePath: String
        /// The function, its decorator's arguments and its component.
        public let declaration: PythonComponentDeclaration
    }

    /// What a run made.
    public struct Result: Sendable {
        /// The strict name `REPO@sha256:HEX` after a push; the tag `REPO:TAG` without one.
        public let image: String
        /// The component specs written, one per component.
        public let componentFiles: [URL]
    }

    /// The folder: the build context and the image's working directory's content.
    public let folder: URL
    /// The components, by module path, then source order.
    public let components: [Found]
    /// The image all components name (`target_image`).
    public let targetImage: ImageReference
    /// The files generated into the folder.
    let files: PythonBuildFiles

    /// Reads every module of `folder` and checks the components can share one image.
    ///
    /// - Throws: ``ImageBuildError`` (`pythonComponents`): the folder is missing, a module cannot be
    ///   read or its components cannot be made (`FILE:LINE: error: ...`), no module has a
    ///   component, the components name different base or target images or none, two modules define
    ///   a component function of the same name, or the target image is not a `REPO[:TAG]`.
    public init(folder: URL) throws(ImageBuildError) {
        self.folder = folder.standardizedFileURL
        let modules = try Self.modules(in: self.folder)
        var found: [Found] = []
        for module in modules {
            let file = self.folder.appendingPathComponent(module)
            guard let source = try? String(contentsOf: file, encoding: .utf8) else {
                throw ImageBuildError(.pythonComponents, "Python module \(file.path) cannot be read as UTF-8 text")
            }
            do {
                let declarations = try PythonModuleComponents(source: source, file: file.path).declarations
                found += declarations.map { Found(modulePath: module, declaration: $0) }
            } catch {
                throw ImageBuildError(.pythonComponents, error.diagnostics.first?.description ?? error.description)
            }
        }
        components = found
        let checked = try PythonComponentsCheck(folder: self.folder, components: found, moduleCount: modules.count)
        targetImage = checked.targetImage
        files = checked.files
    }

    /// Every `.py` file under `folder`, relative to it, sorted; hidden folders and
    /// `component_metadata/` are skipped.
    static func modules(in folder: URL) throws(ImageBuildError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue,
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        else {
            throw ImageBuildError(.pythonComponents, "Python components folder \(folder.path) is not a folder")
        }
        var modules: [String] = []
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        for case let url as URL in enumerator {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base) else { continue }
            let relative = String(path.dropFirst(base.count))
            if relative == PythonBuildFiles.metadataFolder {
                enumerator.skipDescendants()
            } else if url.pathExtension == "py", (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true {
                modules.append(relative)
            }
        }
        return modules.sorted()
    }

    /// Writes the build files into the folder, as KFP does: `kfp_config.ini` (components added to an
    /// existing one), `runtime-requirements.txt` (always), `.dockerignore` and `Dockerfile` (only
    /// when missing, or the Dockerfile always with `overwriteDockerfile`).
    ///
    /// - Returns: the files written.
    /// - Throws: ``ImageBuildError`` (`componentFile`) when a file cannot be written.
    @discardableResult
    public func writeBuildFiles(overwriteDockerfile: Bool = false) throws(ImageBuildError) -> [URL] {
        var written: [URL] = []
        func write(_ text: String, _ name: String, always: Bool = true) throws(ImageBuildError) {
            let url = folder.appendingPathComponent(name)
            guard always || !FileManager.default.fileExists(atPath: url.path) else { return }
            try AtomicFile.write(text, to: url, what: "build file")
            written.append(url)
        }
        let configURL = folder.appendingPathComponent(KFPConfigFile.fileName)
        let existing = (try? String(contentsOf: configURL, encoding: .utf8)).map(KFPConfigFile.init(text:)) ?? KFPConfigFile()
        var entries: [String: String] = [:]
        for component in components { entries[component.declaration.functionName] = component.modulePath }
        try write(existing.setting(components: entries).text, KFPConfigFile.fileName)
        try write(files.requirements, PythonBuildFiles.requirementsName)
        try write(PythonBuildFiles.dockerignore, ".dockerignore", always: false)
        try write(files.dockerfile, "Dockerfile", always: overwriteDockerfile)
        return written
    }

    /// Writes each component's spec (v2 component IR) with `image` into `component_metadata/`,
    /// each file atomically.
    ///
    /// - Returns: the files written.
    /// - Throws: ``ImageBuildError`` (`componentFile`) when the folder or a file cannot be written,
    ///   or `image` is not an image reference.
    @discardableResult
    public func writeComponentSpecs(image: String) throws(ImageBuildError) -> [URL] {
        let metadata = folder.appendingPathComponent(PythonBuildFiles.metadataFolder)
        do {
            try FileManager.default.createDirectory(at: metadata, withIntermediateDirectories: true)
        } catch {
            throw ImageBuildError(.componentFile, "folder \(metadata.path) cannot be made: \(error.localizedDescription)")
        }
        var texts: [(URL, String)] = []
        for found in components {
            let declaration = found.declaration
            let name = declaration.outputComponentFile ?? "\(declaration.functionName).yaml"
            let url = metadata.appendingPathComponent(name)
            do {
                let pinned = try declaration.component.component.withImage(image)
                texts.append((url, try SpecWriter().write(pinned.spec)))
            } catch {
                throw ImageBuildError(.componentFile, "component spec \(url.path) cannot be made: \(error)")
            }
        }
        for (url, text) in texts { try AtomicFile.write(text, to: url, what: "component spec") }
        return texts.map(\.0)
    }

    /// The whole flow: checks the engine, writes the build files, builds the image with the tag
    /// `targetImage`, pushes it when `push` is set, and writes the component specs naming the
    /// strict name (after a push) or the tag.
    ///
    /// - Throws: ``ImageBuildError`` from each step; no component spec is written unless the image
    ///   was built (and pushed, with `push`).
    public func run(
        with builder: ImageBuilder, push: Bool, overwriteDockerfile: Bool = false, buildArguments: [String: String] = [:],
        network: String? = nil, platform: String? = nil
    ) async throws(ImageBuildError) -> Result {
        try await builder.checkEngine()
        try writeBuildFiles(overwriteDockerfile: overwriteDockerfile)
        try await builder.build(
            context: folder, dockerfile: folder.appendingPathComponent("Dockerfile"), image: targetImage,
            buildArguments: buildArguments, network: network, platform: platform)
        let image = push ? try await builder.push(targetImage).description : targetImage.description
        return Result(image: image, componentFiles: try writeComponentSpecs(image: image))
    }
}
