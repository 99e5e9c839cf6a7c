import ArgumentParser
import KFPClient

/// The list options of the Python CLI: `--page-token`, `--max-size`, `--sort-by`, `--filter`.
struct ListingOptions: ParsableArguments {
    @Option(help: "Start at this page token.") var pageToken: String?
    @Option(help: "The most items to list.") var maxSize = 100
    @Option(help: "Sort by a field, e.g. \"created_at desc\".") var sortBy: String?
    @Option(help: "A JSON filter, e.g. '{\"predicates\": [{\"key\": \"display_name\", \"operation\": \"EQUALS\", \"string_value\": \"x\"}]}'.")
    var filter: String?

    func validate() throws {
        guard maxSize > 0 else { throw ValidationError("--max-size must be positive, found \(maxSize)") }
    }

    var options: ListOptions {
        ListOptions(pageToken: pageToken, pageSize: min(maxSize, 200), sortBy: sortBy, filter: filter)
    }

    /// The first `maxSize` items of a paged listing.
    func collect<Item: Sendable>(_ items: AsyncThrowingStream<Item, any Error>) async throws -> [Item] {
        var collected: [Item] = []
        for try await item in items {
            collected.append(item)
            if collected.count >= maxSize { break }
        }
        return collected
    }
}
