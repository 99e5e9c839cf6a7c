import Foundation
import GRDB

/// Says in one line why the server's database cannot be used at start-up (not writable, locked
/// by another process, not a database) and what to do. The file is never changed to make it work.
enum DatabaseProblem {
    static func explain(_ error: any Error, path: String) -> String {
        guard let error = error as? DatabaseError else { return "cannot open the database \(path): \(error)" }
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            return "the database \(path) is not writable (SQLite: \(detail)); the server needs to write its records: "
                + "give it a data folder it can write with --data, or make the file and its folder writable"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "the database \(path) is locked by another process (SQLite: \(detail)); is another kfp server "
                + "using the same data folder? stop it, or give this one another folder with --data"
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return "the database \(path) is not a SQLite database or is damaged (SQLite: \(detail)); it was left "
                + "unchanged: restore it from a backup, or move it away and the server starts with an empty one"
        case .SQLITE_FULL:
            return "the database \(path) cannot grow: the disk is full (SQLite: \(detail))"
        default:
            return "cannot open the database \(path) (SQLite: \(detail))"
        }
    }
}
