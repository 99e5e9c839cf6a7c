/// A page that says what went wrong (an unknown run, a bad filter): the API error's message.
package struct ErrorPage: WebPage {
    package let heading: String
    package let message: String
    package let backURL: String
    package let section: WebSection
    package var template: String { "error-page" }
    package var title: String { heading }

    package init(heading: String, message: String, backURL: String, section: WebSection) {
        self.heading = heading
        self.message = message
        self.backURL = backURL
        self.section = section
    }
}
