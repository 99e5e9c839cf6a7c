import Foundation
import KFPSpec

/// Spec loading: whatever loads is validated, converted (v1) and written, and what is written must
/// load again.
enum SpecHarness {
    static func run(_ data: Data) {
        guard let loaded = try? SpecLoader(file: "fuzz.yaml").load(data) else { return }
        _ = SpecValidator().problems(in: loaded)
        if loaded.v1Component != nil {
            convert(loaded)
        } else if let spec = loaded.pipelineSpec {
            writeAndReload(spec)
        }
    }

    static func runV1(_ data: Data) {
        guard let loaded = try? SpecLoader(file: "component.yaml").load(data), let component = loaded.v1Component else { return }
        _ = try? SpecWriter().write(component)
        convert(loaded)
    }

    private static func convert(_ loaded: LoadedSpec) {
        guard let spec = try? V1ComponentConverter().pipelineSpec(for: loaded) else { return }
        writeAndReload(spec)
    }

    private static func writeAndReload(_ spec: PipelineSpec) {
        _ = SpecValidator().problems(in: spec)
        for format in SpecWriter.Format.allCases {
            guard let text = try? SpecWriter().write(spec, format: format) else { continue }
            _ = try? SpecLoader(file: "written").load(text)
        }
    }
}
