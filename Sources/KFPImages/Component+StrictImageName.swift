public import KFP

extension Component {
    /// This component pinned to `image`, the strict name ``ImageBuilder/push(_:)`` returned
    /// (`REPO@sha256:HEX`): ``KFP/Component/withImage(_:fileID:line:)`` with its text.
    ///
    /// - Throws: ``KFP/DefinitionError`` when the component does not run exactly one container.
    public func withImage(_ image: StrictImageName, fileID: String = #fileID, line: Int = #line) throws(DefinitionError) -> Component {
        try withImage(image.description, fileID: fileID, line: line)
    }
}
