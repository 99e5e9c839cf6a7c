import Foundation
import KFPTestSupport
import Testing

/// Every Swift code block of the DocC articles (`Sources/*/*.docc/*.md`) type-checks against the
/// built modules, so the documentation's code cannot drift from the API.
@Suite("Documentation: the articles' code compiles", .enabled(if: BuiltModules.folder != nil, "needs the built modules and swiftc"))
struct DocumentationSnippetTests {
    struct Snippet: Sendable, CustomStringConvertible {
        var file: String
        var line: Int
        var code: String
        var description: String { "\(file):\(line)" }
    }

    /// The ```` ```swift ```` blocks of every article, with the line they start on.
    static let snippets: [Snippet] = {
        let sources = TestEnvironment.packageRoot.appendingPathComponent("Sources")
        guard let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else { return [] }
        let articles = enumerator.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "md" && $0.deletingLastPathComponent().pathExtension == "docc" }
            .sorted { $0.path < $1.path }
        var snippets: [Snippet] = []
        for article in articles {
            guard let text = try? String(contentsOf: article, encoding: .utf8) else { continue }
            var current: [String]?
            var start = 0
            for (index, line) in text.components(separatedBy: "\n").enumerated() {
                if current == nil, line == "```swift" {
                    current = []
                    start = index + 2
                } else if let lines = current, line == "```" {
                    let name = article.deletingLastPathComponent().lastPathComponent + "/" + article.lastPathComponent
                    snippets.append(Snippet(file: name, line: start, code: lines.joined(separator: "\n") + "\n"))
                    current = nil
                } else if current != nil {
                    current?.append(line)
                }
            }
        }
        return snippets
    }()

    @Test("The articles hold Swift code")
    func found() {
        #expect(Self.snippets.count >= 10)
        #expect(Set(Self.snippets.map { $0.file.components(separatedBy: "/")[0] }) == ["KFP.docc", "KFPClient.docc", "KFPLocal.docc", "KFPServer.docc"])
    }

    @Test("Each block type-checks", arguments: snippets)
    func typeChecks(_ snippet: Snippet) async throws {
        let modules = try #require(BuiltModules.folder)
        let run = try await BuiltModules.typeCheck(snippet.code, modules: modules)
        #expect(run.status == 0, "\(snippet): \(run.errors)")
    }
}
