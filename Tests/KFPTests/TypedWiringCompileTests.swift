import Foundation
import KFPTestSupport
import Testing

/// Typed wiring is checked by the compiler: these programs are type-checked with `swiftc` against
/// the built `KFP` module, and a wire of the wrong type or to an input that does not exist is a
/// compile error (a program wired right type-checks, which shows the check itself works).
@Suite("Swift components: typed wiring does not compile when wrong", .enabled(if: BuiltModules.folder != nil, "needs the built KFP module and swiftc"))
struct TypedWiringCompileTests {
    static let components = """
        import KFP

        struct Make: SwiftComponent {
            @Output var data: Dataset
            @Output var count: Int
            init() {}
            func run() async throws {}
        }
        struct Use: SwiftComponent {
            @Input var rows: Int
            @Input var data: Dataset
            @Input var note: String?
            init() {}
            func run() async throws {}
        }

        """

    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var body: String
        var error: String?
    }

    static let cases = [
        Case(description: "wired right", body: "p.task(Use.self) { $0.$rows = made.outputs.$count; $0.$data = made.outputs.$data; $0.$note = label.optional }", error: nil),
        Case(description: "a Dataset into an Int", body: "p.task(Use.self) { $0.$rows = made.outputs.$data }",
             error: "cannot assign value of type 'ValueRef<Dataset>' to type 'ValueRef<Int>'"),
        Case(description: "an input that does not exist", body: "p.task(Use.self) { $0.$rowz = made.outputs.$count }",
             error: "value of type 'Use' has no member '$rowz'"),
        Case(description: "a String parameter into an Int", body: "p.task(Use.self) { $0.$rows = label }",
             error: "cannot assign value of type 'ValueRef<String>' to type 'ValueRef<Int>'"),
        Case(description: "an output that does not exist", body: "p.task(Use.self) { $0.$rows = made.outputs.$counts }",
             error: "value of type 'Make' has no member '$counts'"),
    ]

    @Test("swiftc's verdict", arguments: cases)
    func typeCheck(_ testCase: Case) async throws {
        let modules = try #require(BuiltModules.folder)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-typed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("main.swift")
        let program = Self.components + """
            let pipeline = try Pipeline("p") { p in
                let made = p.task(Make.self)
                let label = p.parameter("label", String.self, default: "x")
                \(testCase.body)
            }

            """
        try program.write(to: file, atomically: true, encoding: .utf8)
        let swiftc = try #require(ContainerEngines.onPath("swiftc"))
        let run = try await ProgramRun.run(swiftc, ["-typecheck", "-swift-version", "6", "-I", modules.path] + BuiltModules.moduleMaps(beside: modules) + [file.path])
        if let error = testCase.error {
            #expect(run.status != 0)
            #expect(run.errors.contains("main.swift:19:"), "\(run.errors)")
            #expect(run.errors.contains("error: \(error)"), "\(run.errors)")
        } else {
            #expect(run.status == 0, "\(run.errors)")
        }
    }

}
