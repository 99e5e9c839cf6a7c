import Foundation
import KFPSpec

/// Reads a spec file from disk (or `-` for standard input), loads and validates it.
struct SpecFileReader {
    /// The loaded, valid spec, or every problem found.
    func check(_ file: String) -> Result<LoadedSpec, SpecError> {
        let data: Data
        do {
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            }
        } catch {
            let reason = FileReadProblem.reason(readingPath: file, error: error)
            return .failure(SpecError(.io, [SpecDiagnostic(file: file, message: "cannot read the file: \(reason)")]))
        }
        do {
            let loaded = try SpecLoader(file: file).load(data)
            try SpecValidator().validate(loaded)
            return .success(loaded)
        } catch {
            return .failure(error)
        }
    }
}
