import Dispatch
import Foundation

/// Turns process signals into the cancellation of a Swift task.
enum SignalWatchers {
    /// Watches `signals` and cancels `task` when one arrives; cancel the returned sources when done.
    static func cancel<T: Sendable>(_ task: Task<T, any Error>, on signals: [Int32]) -> [any DispatchSourceSignal] {
        signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
    }
}
