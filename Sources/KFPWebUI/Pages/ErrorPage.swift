/// A page that says what went wrong (an unknown run, a bad filter): the API error's message.
public struct ErrorPage: WebPage {
    public let heading: String
    public let message: String
    public let backURL: String
    public let section: WebSection
    public var template: String { "error-page" }
    public var title: String { heading }

    public init(heading: String, message: String, backURL: String, section: WebSection) {
        self.heading = heading
        self.message = message
        self.backURL = backURL
        self.section = section
    }
}
