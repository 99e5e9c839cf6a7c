/// The web UI of `kfp server`: server-rendered HTML pages for KFP's API messages (pipelines,
/// runs, experiments, recurring runs, run comparisons, artifacts and executions), the graph of a
/// pipeline spec laid out as SVG, plots drawn as SVG (ROC curves, metric bars), and artifact previews.
///
/// Everything here is a pure function of values the v2beta1 API returns (``KFPAPI`` messages and
/// the pipeline spec), so nothing a page shows can disagree with the API. Every name, value, log
/// line and preview is HTML-escaped by the templates; HTML and Markdown artifacts are shown in a
/// sandboxed `iframe` that may not run scripts.
package enum WebUI {}

extension WebUI {
    /// `/ui/app.js`, the UI's script.
    package static var script: String { ClientScript.source }
    /// `/ui/app.css`, the UI's stylesheet.
    package static var styleSheet: String { StyleSheet.source }
}
