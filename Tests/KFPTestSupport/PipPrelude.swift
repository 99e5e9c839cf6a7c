import Foundation

/// The pip commands of a KFP lightweight component's `sh -c` prelude: the packages, index URLs,
/// trusted hosts, whether KFP itself is installed (and before the user's packages, as KFP < 2.14
/// did) and whether a virtual environment is used.
public struct PipPrelude: Equatable, Sendable {
    public var packages: [String] = []
    public var indexURLs: [String] = []
    public var trustedHosts: [String]? = nil
    public var installsKFP = false
    public var useVenv = false
    /// `true` when KFP is installed before the user's packages (KFP before 2.14 did that).
    public var kfpFirst = false

    public init() {}

    /// Reads the pip commands of a prelude script.
    public init(script: String) {
        let marker = "python3 -m pip install --quiet --no-warn-script-location "
        var sawUserPackages = false
        var trusted: [String] = []
        for segment in script.components(separatedBy: marker).dropFirst() {
            var rest = Substring(segment)
            var indexes: [String] = []
            var items: [String] = []
            while true {
                rest = rest.drop { $0 == " " }
                if let option = ["--index-url ", "--extra-index-url ", "--trusted-host "].first(where: { rest.hasPrefix($0) }) {
                    rest = rest.dropFirst(option.count)
                    let value = String(rest.prefix { $0 != " " })
                    rest = rest.dropFirst(value.count)
                    if option == "--trusted-host " { trusted.append(value) } else { indexes.append(value) }
                } else if let quote = rest.first, quote == "'" || quote == "\"" {
                    var value = ""
                    rest = rest.dropFirst()
                    while let character = rest.first, character != quote {
                        if character == "\\", let next = rest.dropFirst().first {
                            value.append(next)
                            rest = rest.dropFirst(2)
                        } else {
                            value.append(character)
                            rest = rest.dropFirst()
                        }
                    }
                    rest = rest.dropFirst()
                    items.append(value)
                } else {
                    break
                }
            }
            if indexURLs.isEmpty { indexURLs = indexes }
            if items.first?.hasPrefix("kfp==") == true {
                installsKFP = true
                kfpFirst = !sawUserPackages
            } else {
                packages = items
                sawUserPackages = true
            }
        }
        if !installsKFP { kfpFirst = false }
        useVenv = script.contains("python3 -m venv")
        if !indexURLs.isEmpty {
            let hostsPerCommand = trusted.count / max(1, (installsKFP ? 1 : 0) + (sawUserPackages ? 1 : 0))
            let hosts = Array(trusted.prefix(hostsPerCommand))
            trustedHosts = hosts == indexURLs ? nil : hosts
        }
    }

    /// A KFP < 2.14 prelude rewritten in the current order (the user's packages before KFP).
    public static func reordered(_ script: String) -> String {
        let start = "PIP_DISABLE_PIP_VERSION_CHECK=1 "
        let end = " && \"$0\" \"$@\"\n"
        guard let head = script.range(of: start), let tail = script.range(of: end, options: .backwards) else { return script }
        let parts = script[head.upperBound..<tail.lowerBound].components(separatedBy: "  &&  ")
        guard parts.count == 2, parts[0].contains("'kfp==") else { return script }
        return script[..<head.upperBound] + parts[1] + "  &&  " + parts[0] + script[tail.lowerBound...]
    }
}
