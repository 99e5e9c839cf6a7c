import Foundation
import KFPAPI

/// What the endpoints share: the store, the run executor, the recurring-run scheduler and the options.
struct ServerServices: Sendable {
    let store: ServerStore
    let executor: RunExecutor
    let options: ServerOptions
    /// The Default experiment's id (created at start-up).
    let defaultExperimentID: String
    /// Held while the server uses its data folder.
    let folderLock: DataFolderLock
}

extension ServerOptions {
    /// The largest JSON request body (bytes): a run carries its whole pipeline spec.
    var maxRequestBytes: Int { max(maxUploadBytes, 64 << 20) }
}
