import Foundation
import KFPTestSupport
import Testing

/// The libFuzzer harnesses (`Fuzz/Sources/KFPFuzz`) are built only with `KFP_FUZZ=1`, so a renamed
/// type would break them unseen (and `scripts/test.sh` only reports its fuzz pass): they are
/// type-checked here against the modules of the normal build.
@Suite("Fuzz harnesses compile", .enabled(if: BuiltModules.folder != nil, "needs the built modules and swiftc"))
struct FuzzHarnessCompileTests {
    @Test("Fuzz/Sources/KFPFuzz type-checks against the built modules")
    func harnessesTypeCheck() async throws {
        let modules = try #require(BuiltModules.folder)
        let folder = TestEnvironment.packageRoot.appendingPathComponent("Fuzz/Sources/KFPFuzz")
        let run = try await BuiltModules.typeCheck(filesIn: folder, modules: modules)
        #expect(run.status == 0, "\(run.errors)")
    }
}
