import Foundation

/// The harnesses of the fuzzing binary, one per parser that reads untrusted input.
enum FuzzTarget: String, CaseIterable {
    /// `SpecLoader` on YAML, JSON or a zip package, then validation, v1 conversion and writing.
    case spec
    /// A v1 component: loading, conversion to the v2 form, and writing both forms.
    case v1
    /// An uploaded pipeline package as the server reads it (YAML, JSON, zip, tar.gz).
    case package
    /// CEL: parsing, evaluation against fixed bindings, trigger conditions and field selection.
    case cel
    /// v2beta1 request bodies: every message type, strict and lenient.
    case api
    /// List queries: filters, sort orders, page sizes and page tokens, for every resource.
    case query
    /// Cron expressions of recurring runs, and the next fire times they give.
    case cron
    /// `multipart/form-data` pipeline uploads: a content-type line, then the body.
    case multipart
    /// Placeholder resolution of a container's command line.
    case placeholder

    func run(_ data: Data) {
        switch self {
        case .spec: SpecHarness.run(data)
        case .v1: SpecHarness.runV1(data)
        case .package: PackageHarness.run(data)
        case .cel: CELHarness.run(data)
        case .api: APIHarness.run(data)
        case .query: APIHarness.runQuery(data)
        case .cron: CronHarness.run(data)
        case .multipart: PackageHarness.runMultipart(data)
        case .placeholder: PlaceholderHarness.run(data)
        }
    }
}
