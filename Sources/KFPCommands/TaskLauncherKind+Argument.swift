public import ArgumentParser
public import KFPLocal

/// `--launcher subprocess|podman|docker|container|auto`, for `kfp local run`, `kfp server` and a
/// program's own `run`.
extension TaskLauncherKind: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "subprocess": self = .subprocess
        case "podman": self = .container(.podman)
        case "docker": self = .container(.docker)
        case "container": self = .container(.automatic)
        case "auto": self = .auto
        default: return nil
        }
    }

    public var defaultValueDescription: String {
        switch self {
        case .subprocess: return "subprocess"
        case .auto: return "auto"
        case .container(let engine): return engine.candidates.count == 1 ? engine.candidates[0] : "container"
        case .remote(let launcher): return launcher.name
        }
    }

    public static var allValueStrings: [String] { ["subprocess", "podman", "docker", "container", "auto"] }
}
