public import Foundation

/// Where and how the Slurm launcher sends tasks: slurmrestd's URL, the user and JWT it
/// authenticates with, the partition and account jobs go to, and the launcher's timing.
///
/// ```swift
/// let configuration = try SlurmConfiguration.resolve(
///     url: "http://head:6820", user: nil, token: nil, environment: ProcessInfo.processInfo.environment)
/// ```
public struct SlurmConfiguration: Sendable {
    /// slurmrestd (`http://head:6820`).
    public var url: URL
    /// The user jobs run as (`X-SLURM-USER-NAME`).
    public var user: String
    /// A JWT for that user, from `scontrol token` (`X-SLURM-USER-TOKEN`).
    public var token: String
    /// The partition jobs go to, or `nil` for the cluster's default.
    public var partition: String?
    /// The account jobs are charged to, or `nil` for the user's default.
    public var account: String?
    /// Where lightweight Python components' managed environments are made, a folder every node
    /// sees at the same path; `nil` for `<pipeline root>/.kfp-python`.
    public var pythonEnvironmentsRoot: URL?
    /// KFP accelerator types and the Slurm GPU type (gres type) each means
    /// (`["NVIDIA_TESLA_T4": "t4"]`). A type not listed, or a Kubernetes resource name such as
    /// `nvidia.com/gpu`, asks for any GPU.
    public var gpuTypes: [String: String]
    /// How often a job's state is read in its first 10 s (then every second, and every 3 s after a
    /// minute, or this interval if it is longer).
    public var pollInterval: Duration
    /// How long slurmrestd or the controller may stop answering before a task fails with the reason.
    public var unansweredLimit: Duration
    /// How long one request may take.
    public var requestTimeout: Duration

    /// A configuration; the timing defaults suit a cluster whose jobs start within seconds.
    public init(
        url: URL, user: String, token: String, partition: String? = nil, account: String? = nil,
        pythonEnvironmentsRoot: URL? = nil, gpuTypes: [String: String] = [:], pollInterval: Duration = .milliseconds(250),
        unansweredLimit: Duration = .seconds(60), requestTimeout: Duration = .seconds(10)
    ) {
        self.url = url
        self.user = user
        self.token = token
        self.partition = partition
        self.account = account
        self.pythonEnvironmentsRoot = pythonEnvironmentsRoot
        self.gpuTypes = gpuTypes
        self.pollInterval = pollInterval
        self.unansweredLimit = unansweredLimit
        self.requestTimeout = requestTimeout
    }

    /// A configuration from options, falling back on `SLURM_URL`, `SLURM_USER` (then `USER`) and
    /// `SLURM_JWT` in `environment`.
    ///
    /// - Throws: ``SlurmError`` naming the missing or malformed setting and where it can come from.
    public static func resolve(
        url: String?, user: String?, token: String?, environment: [String: String]
    ) throws(SlurmError) -> SlurmConfiguration {
        guard let text = nonEmpty(url) ?? nonEmpty(environment["SLURM_URL"]) else {
            throw SlurmError(.configuration, "no slurmrestd URL: pass --slurm-url URL or set SLURM_URL")
        }
        guard let parsed = URL(string: text), let scheme = parsed.scheme, ["http", "https"].contains(scheme), parsed.host != nil else {
            throw SlurmError(.configuration, "the slurmrestd URL '\(text)' is not an http(s) URL such as http://head:6820")
        }
        guard let name = nonEmpty(user) ?? nonEmpty(environment["SLURM_USER"]) ?? nonEmpty(environment["USER"]) else {
            throw SlurmError(.configuration, "no Slurm user: pass --slurm-user NAME or set SLURM_USER")
        }
        guard let jwt = nonEmpty(token) ?? nonEmpty(environment["SLURM_JWT"]) else {
            throw SlurmError(
                .configuration, "no Slurm token: pass --slurm-token TOKEN or set SLURM_JWT (from `scontrol token username=\(name)`)")
        }
        return SlurmConfiguration(url: parsed, user: name, token: jwt)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
