import KFPAPI
import Testing

/// ``QueryParameters``: form decoding of the raw query string.
@Suite("Query parameters")
struct QueryParametersTests {
    @Test("the Python client's list_experiments query: empty values are absent, + is a space")
    func pythonListQuery() {
        let query = QueryParameters(rawQuery: "page_token=&page_size=1&sort_by=created_at+desc&namespace=")
        #expect(query["page_token"] == nil)
        #expect(query["namespace"] == nil)
        #expect(query["page_size"] == "1")
        #expect(query["sort_by"] == "created_at desc")
        #expect(query.values == ["page_size": "1", "sort_by": "created_at desc"])
    }

    @Test("percent escapes decode to UTF-8; invalid escapes are kept; the last value wins")
    func decoding() {
        let query = QueryParameters(
            rawQuery: "?name=caf%C3%A9+%F0%9F%9A%80&a=%zz&b=100%&a=2&flag&=x&c=%2B")
        #expect(query["name"] == "café 🚀")
        #expect(query["a"] == "2")
        #expect(query["b"] == "100%")
        #expect(query["flag"] == nil)
        #expect(query[""] == "x")
        #expect(query["c"] == "+")
        #expect(QueryParameters(rawQuery: "a=%zz")["a"] == "%zz")
    }

    @Test("nil and empty queries have no parameters; decoded dictionaries drop empty values")
    func empty() {
        #expect(QueryParameters(rawQuery: nil).values.isEmpty)
        #expect(QueryParameters(rawQuery: "").values.isEmpty)
        #expect(QueryParameters(rawQuery: "&&").values.isEmpty)
        #expect(QueryParameters(["a": "", "b": "x"]).values == ["b": "x"])
    }

    @Test("the Python client's filter survives the first decoding as JSON text")
    func pythonFilter() {
        let raw =
            "filter=%7B%22predicates%22%3A+%5B%7B%22operation%22%3A+1%2C+%22key%22%3A+%22display_name%22%2C+%22stringValue%22%3A+%22a+b%22%7D%5D%7D&namespace="
        #expect(
            QueryParameters(rawQuery: raw)["filter"]
                == #"{"predicates": [{"operation": 1, "key": "display_name", "stringValue": "a b"}]}"#)
    }

    @Test("the Python client's other captured queries decode as sent")
    func capturedQueries() {
        let upload = QueryParameters(rawQuery: "name=named+pipe&description=D&namespace=NS")
        #expect(upload.values == ["name": "named pipe", "description": "D", "namespace": "NS"])
        let version = QueryParameters(rawQuery: "name=v2&pipelineid=eac89221-b90e&description=D")
        #expect(version["pipelineid"] == "eac89221-b90e")
        let recurring = QueryParameters(rawQuery: "page_token=&page_size=10&sort_by=&experiment_id=E")
        #expect(recurring.values == ["page_size": "10", "experiment_id": "E"])
    }
}
