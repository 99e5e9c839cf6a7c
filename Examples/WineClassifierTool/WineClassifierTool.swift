import Foundation
import KFP
import KFPCommands
import WineClassifier

/// `wine-classifier`: the wine example's program: `compile`, `run`, `submit`, `list`, and
/// `execute` (which its tasks run: the steps are Swift code in this program).
@main
struct WineClassifierTool {
    static func main() async {
        let pipeline: Pipeline
        do {
            pipeline = try WineClassifier.pipeline()
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(2)
        }
        await PipelineTool(pipelines: [pipeline]).main()
    }
}
