import Foundation
import KFP

/// KFP's rules for the components of one `kfp component build` (`ComponentBuilder._load_components`):
/// at least one component, one base image and one target image shared by all; and ours: a function
/// name used once (it is the key of `kfp_config.ini`). Gives the image and the build files.
struct PythonComponentsCheck {
    let targetImage: ImageReference
    let files: PythonBuildFiles

    init(folder: URL, components: [PythonComponentsBuild.Found], moduleCount: Int) throws(ImageBuildError) {
        func fail(_ message: String) -> ImageBuildError { ImageBuildError(.pythonComponents, message) }
        guard let first = components.first else {
            throw fail(
                "no @dsl.component functions in \(folder.path) (read \(moduleCount) Python file\(moduleCount == 1 ? "" : "s")); kfp component build --python needs at least one")
        }
        func place(_ found: PythonComponentsBuild.Found) -> String {
            "'\(found.declaration.functionName)' (\(found.modulePath):\(found.declaration.line))"
        }
        var seen: [String: PythonComponentsBuild.Found] = [:]
        for found in components {
            if let earlier = seen[found.declaration.functionName] {
                throw fail(
                    "component function \(place(earlier)) and \(place(found)) have the same name; kfp_config.ini can name only one")
            }
            seen[found.declaration.functionName] = found
        }
        let bases = Set(components.map(\.declaration.baseImage))
        guard bases.count == 1 else {
            throw fail(
                "the components in \(folder.path) name \(bases.count) base images (\(Self.list(bases))); all must use the same base_image and target_image")
        }
        if let missing = components.first(where: { $0.declaration.targetImage == nil }) {
            throw fail(
                "component \(place(missing)) has no target_image; kfp component build --python needs @dsl.component(target_image=\"REPO:TAG\") on every component")
        }
        let targets = Set(components.compactMap(\.declaration.targetImage))
        guard targets.count == 1, let target = targets.first else {
            throw fail(
                "the components in \(folder.path) name \(targets.count) target images (\(Self.list(targets))); all must use the same base_image and target_image")
        }
        targetImage = try ImageReference(target)
        var indexURLs: [String] = []
        var trustedHosts: [String] = []
        for found in components {
            for url in found.declaration.pipIndexURLs where !indexURLs.contains(url) { indexURLs.append(url) }
            for host in found.declaration.pipTrustedHosts ?? [] where !trustedHosts.contains(host) { trustedHosts.append(host) }
        }
        files = PythonBuildFiles(
            baseImage: first.declaration.baseImage, packages: components.flatMap(\.declaration.packagesToInstall),
            pipIndexURLs: indexURLs, pipTrustedHosts: trustedHosts.isEmpty ? nil : trustedHosts,
            kfpVersion: PythonComponent.kfpVersion)
    }

    private static func list(_ names: Set<String>) -> String {
        names.sorted().map { "'\($0)'" }.joined(separator: ", ")
    }
}
