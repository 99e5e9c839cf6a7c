import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Fetches the body of an `http` or `https` URL with a timeout and a size limit.
///
/// The body is read as it arrives and the transfer is cancelled as soon as it passes
/// `maximumSize`, so a huge or endless response never fills memory. Redirects are followed. Every
/// failure is a ``SpecError`` of kind `.io` whose diagnostic names the URL: the HTTP status
/// (`HTTP status 404 (not found)`), a timeout, a connection failure, or the size limit.
public struct URLFetcher: Sendable {
    /// Seconds for the whole transfer.
    public var timeout: TimeInterval
    /// The largest accepted body, in bytes.
    public var maximumSize: Int

    public init(timeout: TimeInterval, maximumSize: Int) {
        self.timeout = timeout
        self.maximumSize = maximumSize
    }

    /// The body of a `2xx` response to `GET url`.
    public func fetch(_ url: URL) async throws(SpecError) -> Data {
        let delegate = FetchDelegate(limit: maximumSize)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: URLRequest(url: url, timeoutInterval: timeout))
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                delegate.start(continuation)
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
        let name = url.absoluteString
        func failure(_ reason: String) -> SpecError {
            SpecError(.io, file: name, message: "cannot fetch '\(name)': \(reason)")
        }
        switch outcome {
        case .tooLarge:
            throw failure("the response is larger than the limit of \(maximumSize) bytes")
        case .failed(let error):
            throw failure(describe(error))
        case .finished(let status, let data):
            guard let status else { throw failure("the server sent no HTTP response") }
            guard (200..<300).contains(status) else {
                let reason = HTTPURLResponse.localizedString(forStatusCode: status).lowercased()
                throw failure("HTTP status \(status)" + (reason.isEmpty ? "" : " (\(reason))"))
            }
            return data
        }
    }

    private func describe(_ error: any Error) -> String {
        let error = error as NSError
        guard error.domain == NSURLErrorDomain else { return error.localizedDescription }
        switch error.code {
        case NSURLErrorTimedOut: return "no answer within \(String(format: "%g", timeout)) seconds"
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return "the host cannot be found"
        case NSURLErrorCannotConnectToHost: return "cannot connect to the host"
        case NSURLErrorNotConnectedToInternet: return "there is no network connection"
        case NSURLErrorCancelled: return "the request was cancelled"
        default: return "\(error.localizedDescription) (URL error \(error.code))"
        }
    }
}

/// How a fetch ended.
private enum FetchOutcome: Sendable {
    case finished(status: Int?, data: Data)
    case tooLarge
    case failed(any Error)
}

/// Collects the body of one data task, cancelling it past the size limit, and resumes the waiting
/// caller exactly once when the task completes.
private final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // Mutable state is guarded by `lock`; URLSession calls the delegate on its own queue.
    private let lock = NSLock()
    private let limit: Int
    private var body = Data()
    private var tooLarge = false
    private var continuation: CheckedContinuation<FetchOutcome, Never>?

    init(limit: Int) {
        self.limit = limit
    }

    func start(_ continuation: CheckedContinuation<FetchOutcome, Never>) {
        lock.withLock { self.continuation = continuation }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overLimit = lock.withLock { () -> Bool in
            guard !tooLarge else { return false }
            if body.count + data.count > limit {
                tooLarge = true
                body = Data()
                return true
            }
            body.append(data)
            return false
        }
        if overLimit { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let status = (task.response as? HTTPURLResponse)?.statusCode
        let (waiting, outcome) = lock.withLock { () -> (CheckedContinuation<FetchOutcome, Never>?, FetchOutcome) in
            let waiting = continuation
            continuation = nil
            if tooLarge { return (waiting, .tooLarge) }
            if let error { return (waiting, .failed(error)) }
            return (waiting, .finished(status: status, data: body))
        }
        waiting?.resume(returning: outcome)
    }
}
