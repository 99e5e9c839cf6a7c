import Foundation
import KFPLocal

struct SubprocessProbe {
    func run(count: Int) async {
        for _ in 0..<count {
            _ = await LocalRunner.probeLaunch()
        }
    }
}
