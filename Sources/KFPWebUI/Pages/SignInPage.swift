/// The sign-in page of a server started with `--token` (`/ui/login?next=/runs`): the page script
/// keeps the token in the `kfp_token` cookie (`SameSite=Strict`), checks it against
/// `GET /apis/v2beta1/healthz`, then opens `next`.
package struct SignInPage: WebPage {
    /// Where to go after signing in: a path on this server (anything else becomes `/`).
    package let next: String
    package var template: String { "sign-in" }
    package var title: String { "Sign in" }
    package var section: WebSection { .pipelines }

    package init(next: String?) {
        let path = next ?? "/"
        self.next = path.hasPrefix("/") && !path.hasPrefix("//") && !path.contains("\\") ? path : "/"
    }
}
