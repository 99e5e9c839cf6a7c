import Foundation
import NIOHTTP1

/// slurmrestd's `openapi/v0.0.38` (Slurm 22.05): `POST /slurm/v0.0.38/job/submit`,
/// `GET /slurm/v0.0.38/job/{id}`, `DELETE /slurm/v0.0.38/job/{id}`, `GET .../nodes`, `GET .../ping`.
///
/// Shapes as verified on Slurm 22.05.8 (`scripts/slurm/README.md`): answers carry `errors`
/// (`error_code`, `error`, sometimes `error_number`, `description`); a job has `job_state`,
/// `state_reason`, `exit_code` (the raw wait status), `batch_host` and `nodes`; an unknown job id
/// is HTTP 500 with error 2017.
struct SlurmAPIv0038: SlurmAPI {
    let client: SlurmRESTClient

    var version: String { "v0.0.38" }
    var baseURL: String { client.baseURL }
    private var prefix: String { "/slurm/\(version)" }

    /// Slurm's "Invalid job id specified".
    static let invalidJobID = 2017

    func ping() async throws(SlurmError) {
        let answer: PingAnswer = try await call(.GET, "\(prefix)/ping", what: "ping")
        let down = (answer.pings ?? []).filter { $0.ping != "UP" }
        if let first = down.first, down.count == answer.pings?.count {
            let state = first.ping ?? "not answering"
            throw SlurmError(.unanswered, "the Slurm controller \(first.hostname ?? "") is \(state) (ping through \(baseURL))")
        }
    }

    func submit(_ job: SlurmJobRequest) async throws(SlurmError) -> Int {
        let body = SubmitBody(job: .init(job), script: job.script)
        let data: Data
        do {
            data = try JSONEncoder().encode(body)
        } catch {
            throw SlurmError(.unreadable, "cannot encode the job '\(job.name)': \(error)")
        }
        let answer: SubmitAnswer = try await call(.POST, "\(prefix)/job/submit", body: data, what: "submit job '\(job.name)'")
        guard let id = answer.job_id else {
            throw SlurmError(.unreadable, "POST \(baseURL)\(prefix)/job/submit answered without a job_id")
        }
        return id
    }

    func job(_ id: Int) async throws(SlurmError) -> SlurmJobStatus? {
        let answer: JobsAnswer
        do {
            answer = try await call(.GET, "\(prefix)/job/\(id)", what: "get job \(id)")
        } catch where error.slurmCode == Self.invalidJobID {
            return nil
        }
        guard let job = answer.jobs?.first else { return nil }
        let node = [job.batch_host, job.nodes].compactMap { $0 }.first { !$0.isEmpty }
        return SlurmJobStatus(
            state: job.job_state ?? "UNKNOWN", reason: job.state_reason.flatMap { $0 == "None" ? nil : $0 },
            waitStatus: Int32(truncatingIfNeeded: job.exit_code ?? 0), node: node)
    }

    func cancel(_ id: Int) async throws(SlurmError) {
        do {
            let _: EmptyAnswer = try await call(.DELETE, "\(prefix)/job/\(id)", what: "cancel job \(id)")
        } catch where error.slurmCode == Self.invalidJobID {
            return
        }
    }

    func nodes() async throws(SlurmError) -> [SlurmNode] {
        let answer: NodesAnswer = try await call(.GET, "\(prefix)/nodes", what: "list nodes")
        return (answer.nodes ?? []).map { node in
            SlurmNode(
                name: node.name ?? "", cpus: node.cpus ?? 0, memoryMB: node.real_memory ?? 0,
                gpus: SlurmNode.gpus(inGres: node.gres ?? ""), partitions: node.partitions ?? [])
        }
    }

    func shutdown() async {
        await client.shutdown()
    }

    /// Sends a request and decodes its answer; an answer with `errors` or a status other than 2xx
    /// is a ``SlurmError`` quoting Slurm's errors.
    private func call<Answer: Decodable>(
        _ method: HTTPMethod, _ path: String, body: Data? = nil, what: String
    ) async throws(SlurmError) -> Answer {
        let response = try await client.send(method, path, body: body)
        let target = "\(method.rawValue) \(baseURL)\(path)"
        let errors = (try? JSONDecoder().decode(ErrorsAnswer.self, from: response.body))?.errors ?? []
        if !(200..<300).contains(response.status) || !errors.isEmpty {
            throw Self.error(status: response.status, errors: errors, body: response.body, request: target, what: what)
        }
        do {
            return try JSONDecoder().decode(Answer.self, from: response.body)
        } catch {
            throw SlurmError(.unreadable, "\(target) answered JSON this launcher cannot read (\(what)): \(error)")
        }
    }

    static func error(status: Int, errors: [SlurmErrorEntry], body: Data, request: String, what: String) -> SlurmError {
        let first = errors.first { $0.code != nil && $0.code != 0 } ?? errors.first
        let text = errors.map(\.text).filter { !$0.isEmpty }.joined(separator: "; ")
        let said = text.isEmpty ? String(decoding: body.prefix(300), as: UTF8.self) : text
        let message = "\(request) (\(what)): HTTP \(status): \(said)"
        switch status {
        case 401, 403:
            return SlurmError(.refused, message + " (check the user and token)", slurmCode: first?.code, httpStatus: status)
        case 502, 503, 504:
            return SlurmError(.unanswered, message, slurmCode: first?.code, httpStatus: status)
        default:
            // slurmrestd answers 500 when the controller cannot be reached, with errno-like codes.
            let unreachable = said.localizedCaseInsensitiveContains("unable to contact")
                || said.localizedCaseInsensitiveContains("connect failure")
                || said.localizedCaseInsensitiveContains("communication connection failure")
                || said.localizedCaseInsensitiveContains("socket timed out")
            return SlurmError(unreachable ? .unanswered : .refused, message, slurmCode: first?.code, httpStatus: status)
        }
    }
}

// MARK: - Wire shapes of v0.0.38 (snake_case, as slurmrestd writes them)

/// One entry of an answer's `errors`.
struct SlurmErrorEntry: Decodable, Sendable {
    var error_code: Int?
    var error_number: Int?
    var error: String?
    var description: String?

    var code: Int? { error_code ?? error_number }
    var text: String {
        [error, description].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            + (code.map { " (error \($0))" } ?? "")
    }
}

private struct ErrorsAnswer: Decodable {
    var errors: [SlurmErrorEntry]?
}

private struct EmptyAnswer: Decodable {}

private struct PingAnswer: Decodable {
    struct Ping: Decodable {
        var hostname: String?
        var ping: String?
    }
    var pings: [Ping]?
}

private struct SubmitAnswer: Decodable {
    var job_id: Int?
}

private struct JobsAnswer: Decodable {
    struct Job: Decodable {
        var job_state: String?
        var state_reason: String?
        var exit_code: Int64?
        var batch_host: String?
        var nodes: String?
    }
    var jobs: [Job]?
}

private struct NodesAnswer: Decodable {
    struct Node: Decodable {
        var name: String?
        var cpus: Int?
        var real_memory: Int64?
        var gres: String?
        var partitions: [String]?
    }
    var nodes: [Node]?
}

private struct SubmitBody: Encodable {
    struct Job: Encodable {
        var name: String
        var comment: String?
        var environment: [String: String]
        var current_working_directory: String
        var standard_output: String
        var standard_error: String
        var open_mode = "append"
        var cpus_per_task: Int?
        var memory_per_node: Int64?
        var gpus: String?
        var time_limit: Int?
        var partition: String?
        var account: String?
        /// One task on one node: a task's program is one process.
        var tasks = 1
        var nodes = [1, 1]

        init(_ job: SlurmJobRequest) {
            name = job.name
            comment = job.comment
            environment = job.environment
            current_working_directory = job.workingDirectory
            standard_output = job.logPattern
            standard_error = job.logPattern
            cpus_per_task = job.cpusPerTask
            memory_per_node = job.memoryMB
            gpus = job.gpus
            time_limit = job.timeLimitMinutes
            partition = job.partition
            account = job.account
        }
    }
    var job: Job
    var script: String
}
