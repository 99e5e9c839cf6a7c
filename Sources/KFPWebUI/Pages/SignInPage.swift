/// The sign-in page of a server started with `--token` (`/ui/login?next=/runs`): the page script
/// keeps the token in the `kfp_token` cookie (`SameSite=Strict`), checks it against
/// `GET /apis/v2beta1/healthz`, then opens `next`.
public struct SignInPage: WebPage {
    /// Where to go after signing in: a path on this server (anything else becomes `/`).
    public let next: String
    public var template: String { "sign-in" }
    public var title: String { "Sign in" }
    public var section: WebSection { .pipelines }

    public init(next: String?) {
        let path = next ?? "/"
        self.next = path.hasPrefix("/") && !path.hasPrefix("//") && !path.contains("\\") ? path : "/"
    }
}
