/// Where a DSL call was written: the `#fileID` and `#line` of the caller.
///
/// Every DSL entry point takes `fileID: String = #fileID, line: Int = #line`, so a definition error
/// points at the user's own line (`Demo/main.swift:63`).
public struct CallSite: Sendable, Hashable, CustomStringConvertible {
    /// The `#fileID` of the call (`Module/File.swift`).
    public let fileID: String
    /// The 1-based line of the call.
    public let line: Int

    /// A call site from `#fileID` and `#line`.
    public init(fileID: String = #fileID, line: Int = #line) {
        self.fileID = fileID
        self.line = line
    }

    /// `fileID:line`.
    public var description: String { "\(fileID):\(line)" }
}
