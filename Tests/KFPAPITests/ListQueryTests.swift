import KFPAPI
import KFPSpec
import Testing

/// ``ListQuery``: page size, sort order, page tokens and ``listBody(_:_:totalSize:nextPageToken:)``.
@Suite("List queries")
struct ListQueryTests {
    static func query(_ raw: String, _ resource: ListResource = .runs) throws -> ListQuery {
        try ListQuery(QueryParameters(rawQuery: raw), resource: resource)
    }

    @Test("the Python client's list_runs query gives the defaults")
    func defaults() throws {
        let query = try Self.query("namespace=&page_token=&page_size=10&sort_by=")
        #expect(query == ListQuery(resource: .runs, pageSize: 10))
        #expect(query.sort == SortOrder(field: "created_at", descending: false))
        #expect(try Self.query("") == ListQuery(resource: .runs, pageSize: 20, sort: .createdAtAscending))
    }

    @Test(
        "page_size: absent or 0 is 20, above 200 is 200",
        arguments: [("", 20), ("page_size=0", 20), ("page_size=1", 1), ("page_size=200", 200), ("page_size=201", 200),
                    ("page_size=2147483647", 200)])
    func pageSize(raw: String, size: Int) throws {
        #expect(try Self.query(raw).pageSize == size)
    }

    @Test("a negative or non-integer page_size is rejected")
    func badPageSize() {
        #expect(throws: APIError.invalidArgument("The page size should be greater than 0. Got -1")) {
            try Self.query("page_size=-1")
        }
        #expect(throws: APIError.invalidArgument(#"invalid value for page_size: expected an int32, found "ten""#)) {
            try Self.query("page_size=ten")
        }
        #expect(throws: APIError.invalidArgument(#"invalid value for page_size: expected an int32, found "2147483648""#)) {
            try Self.query("page_size=2147483648")
        }
    }

    @Test(
        "sort_by is lower-cased, split on whitespace, and maps v1 aliases",
        arguments: [
            ("sort_by=created_at+desc", ListResource.runs, "created_at", true),
            ("sort_by=Display_Name+ASC", .runs, "display_name", false),
            ("sort_by=name", .pipelines, "display_name", false),
            ("sort_by=id+desc", .runs, "run_id", true),
            ("sort_by=id", .recurringRuns, "recurring_run_id", false),
            ("sort_by=%20%20finished_at%09desc%20", .runs, "finished_at", true),
            ("sort_by=+", .runs, "created_at", false),
            ("sort_by=last_run_created_at", .experiments, "last_run_created_at", false),
        ])
    func sortBy(raw: String, resource: ListResource, field: String, descending: Bool) throws {
        #expect(try Self.query(raw, resource).sort == SortOrder(field: field, descending: descending))
    }

    @Test("bad sort_by values give the KFP server's messages")
    func badSortBy() {
        let format = #"Supported format: "field_name", "field_name desc", or "field_name asc""#
        #expect(throws: APIError.invalidArgument(#"Received invalid sort by format "Created_at desc x". "# + format)) {
            try Self.query("sort_by=Created_at+desc+x")
        }
        #expect(throws: APIError.invalidArgument(#"Received invalid sort by format "created_at down". "# + format)) {
            try Self.query("sort_by=created_at+down")
        }
        #expect(throws: APIError.invalidArgument(#"Invalid sorting field: "foo" on listable type Run"#)) {
            try Self.query("sort_by=foo")
        }
        #expect(throws: APIError.invalidArgument(#"Invalid sorting field: "last_run_created_at" on listable type Job"#)) {
            try Self.query("sort_by=last_run_created_at", .recurringRuns)
        }
    }

    @Test("a page token carries the order, the filter and the cursor to the next request")
    func tokenRoundTrip() throws {
        let filter = #"{"predicates":[{"key":"created_at","operation":"GREATER_THAN","timestamp_value":"2024-05-01T12:00:00Z"}]}"#
        let first = try ListQuery(QueryParameters(["sort_by": "display_name desc", "filter": filter]), resource: .runs)
        for cursorValue: JSONValue in ["b 🚀", 1_714_564_800_000, 2.5, nil] {
            let token = first.nextPageToken(after: PageCursor(sortValue: cursorValue, key: "run-2"))
            #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            let next = try ListQuery(QueryParameters(["page_token": token, "page_size": "5"]), resource: .runs)
            #expect(next == ListQuery(
                resource: .runs, pageSize: 5, sort: SortOrder(field: "display_name", descending: true),
                filter: first.filter, cursor: PageCursor(sortValue: cursorValue, key: "run-2")))
            let same = try ListQuery(
                QueryParameters(["page_token": token, "sort_by": "DISPLAY_NAME desc", "filter": filter]), resource: .runs)
            #expect(same == next.with(pageSize: 20))
        }
    }

    @Test("a token with another sort or filter, for another resource, or not a token at all is rejected")
    func tokenMismatch() throws {
        let token = try Self.query("sort_by=display_name").nextPageToken(after: PageCursor(sortValue: "a", key: "k"))
        let mismatch = APIError.invalidArgument(
            "page token does not match the supplied sort by and/or filtering criteria. Either specify the same criteria or leave the latter empty if page token is specified."
        )
        #expect(throws: mismatch) { try Self.query("page_token=\(token)&sort_by=created_at") }
        let filter = FilterParsingTests.encodeComponent(#"{"predicates":[{"key":"name","operation":1,"string_value":"a"}]}"#)
        #expect(throws: mismatch) { try Self.query("page_token=\(token)&sort_by=display_name&filter=\(filter)") }
        #expect(throws: APIError.invalidArgument("invalid page token \"\(token)\"")) {
            try Self.query("page_token=\(token)", .experiments)
        }
        for garbage in ["abc", "e30", "!!!", token + "x"] {
            #expect(throws: APIError.invalidArgument("invalid page token \"\(garbage)\"")) {
                try Self.query("page_token=\(garbage)")
            }
        }
    }

    @Test("list bodies leave out empty items, a zero total and an empty token")
    func listBodies() {
        #expect(listBody("runs", [], totalSize: 0, nextPageToken: nil) == [:])
        #expect(listBody("runs", [], totalSize: 0, nextPageToken: "") == [:])
        #expect(listBody("experiments", [["a": 1]], totalSize: 3, nextPageToken: "tok") == [
            "experiments": [["a": 1]], "total_size": 3, "next_page_token": "tok",
        ])
        let body = listBody(.recurringRuns, [RecurringRun(recurringRunID: "r")], totalSize: 1, nextPageToken: nil)
        #expect(body.objectValue?.keys.sorted() == ["recurringRuns", "total_size"])
        #expect(ListResource.allCases.map(\.responseKey) == [
            "experiments", "pipelines", "pipeline_versions", "runs", "recurringRuns",
        ])
    }

    @Test("canonical fields and aliases per resource")
    func resourceFields() {
        #expect(ListResource.experiments.canonicalField("id") == "experiment_id")
        #expect(ListResource.pipelineVersions.canonicalField("id") == "pipeline_version_id")
        #expect(ListResource.pipelines.canonicalField("name") == "display_name")
        #expect(ListResource.pipelines.canonicalField("storage_state") == nil)
        #expect(ListResource.runs.canonicalField("recurring_run_id") == "recurring_run_id")
        #expect(ListResource.recurringRuns.fields.count == 5)
    }
}

extension ListQuery {
    fileprivate func with(pageSize: Int) -> ListQuery {
        var copy = self
        copy.pageSize = pageSize
        return copy
    }
}
