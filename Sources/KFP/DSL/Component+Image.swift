public import KFPSpec

extension Component {
    /// This component with its container's image replaced by `image`; everything else (name,
    /// interface, command, arguments, environment, resources) stays as it was.
    ///
    /// Use it to pin a component to the image `kfp component build --push` (or
    /// `ImageBuilder.buildAndPush`) made, by its strict name `REPO@sha256:HEX`, so every run uses
    /// exactly that image:
    ///
    /// ```swift
    /// let trainer = try Component(contentsOf: URL(fileURLWithPath: "component.yaml"))
    ///     .withImage("127.0.0.1:5000/trainer@sha256:7d88…")
    /// ```
    ///
    /// - Parameter image: the image reference the container runs (any form KFP takes; a strict
    ///   name `REPO@sha256:HEX` pins it).
    /// - Returns: a new value; this one is unchanged.
    /// - Throws: ``DefinitionError`` of kind ``DefinitionError/Kind/invalidComponent``, at the call
    ///   site, when `image` is empty or has white space, or the component does not run exactly one
    ///   container (an importer, or a pipeline used as a component, has no single image to replace).
    public func withImage(_ image: String, fileID: String = #fileID, line: Int = #line) throws(DefinitionError) -> Component {
        let callSite = CallSite(fileID: fileID, line: line)
        guard !image.isEmpty, !image.contains(where: \.isWhitespace) else {
            throw DefinitionError(
                .invalidComponent, "image '\(image)' for component '\(name)' is not an image reference (empty or with white space)",
                at: callSite)
        }
        let containers = (spec.deploymentSpec?.executors ?? [:]).filter { $0.value.container != nil }.keys.sorted()
        guard singleStep?.executor.container != nil, containers.count == 1, let label = containers.first else {
            let found = containers.isEmpty ? "no container executor" : "container executors \(containers.map { "'\($0)'" }.joined(separator: ", "))"
            throw DefinitionError(
                .invalidComponent,
                "component '\(name)' does not run exactly one container (found \(found)); only a container component's image can be replaced",
                at: callSite)
        }
        var pinned = spec
        pinned.deploymentSpec?.executors?[label]?.container?.image = image
        var component = Component(spec: pinned, name: name)
        component.swiftEntry = swiftEntry
        return component
    }
}
