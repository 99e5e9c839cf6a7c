import Foundation
import Mustache

/// Renders the UI's pages: a page's template filled from its view model, inside the common layout
/// (navigation, stylesheet, script). Templates are Mustache with HTML escaping, so every value a
/// view model carries (names, parameter values, log lines, previews) reaches the page as text.
///
/// One renderer is built at server start and shared; rendering is a pure function of its input.
package struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    /// Parses the built-in templates.
    ///
    /// - Throws: the template parser's error when a built-in template is malformed (a programming
    ///   error that the tests catch).
    package init() throws {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in WebTemplates.all {
            templates[name] = try MustacheTemplate(string: text)
        }
        library = MustacheLibrary(templates: templates)
    }

    /// A whole HTML document: `page`'s template inside the layout.
    ///
    /// - Parameters:
    ///   - page: the view model; its ``WebPage/template`` names the template.
    ///   - title: the document title and heading (escaped).
    ///   - section: the navigation entry to highlight (`pipelines`, `runs`, `experiments`).
    package func document(_ page: some WebPage) -> String {
        let body = fragment(page)
        let layout = LayoutModel(title: page.title, section: page.section.rawValue, body: body,
                                 isPipelines: page.section == .pipelines, isRuns: page.section == .runs,
                                 isExperiments: page.section == .experiments, isArtifacts: page.section == .artifacts,
                                 isExecutions: page.section == .executions, isRecurringRuns: page.section == .recurringRuns)
        return library.render(layout, withTemplate: "layout") ?? body
    }

    /// A page's template without the layout (a panel the page script loads, or a test's subject).
    package func fragment(_ page: some WebPage) -> String {
        library.render(page, withTemplate: page.template) ?? ""
    }

    /// Any template by name with any view model (used for pieces such as the graph).
    func render(_ model: Any, template: String) -> String {
        library.render(model, withTemplate: template) ?? ""
    }
}

/// A view model that fills one page template.
package protocol WebPage: Sendable {
    /// The template's name in ``WebTemplates/all``.
    var template: String { get }
    /// The page title (plain text).
    var title: String { get }
    var section: WebSection { get }
}

/// The navigation entries of the layout.
package enum WebSection: String, Sendable {
    case pipelines, runs, experiments, artifacts, executions, recurringRuns
}

struct LayoutModel {
    let title: String
    let section: String
    /// The page's HTML, already rendered with escaping.
    let body: String
    let isPipelines: Bool
    let isRuns: Bool
    let isExperiments: Bool
    let isArtifacts: Bool
    let isExecutions: Bool
    let isRecurringRuns: Bool
}
