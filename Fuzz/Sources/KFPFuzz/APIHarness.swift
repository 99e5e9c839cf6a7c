import Foundation
import KFPAPI
import KFPSpec

/// v2beta1 request bodies and list queries.
enum APIHarness {
    /// Every request and response message type (the order is the meaning of the first byte).
    private static var messages: [any APIMessage.Type] {
        [
            Run.self, RecurringRun.self, RuntimeStatus.self, RuntimeConfig.self, PipelineVersionReference.self,
            CronSchedule.self, PeriodicSchedule.self, PipelineVersion.self, CreatePipelineAndVersionRequest.self,
            UploadedPipeline.self, PipelineTaskDetail.self, RunDetails.self, Experiment.self, ExecutorDetail.self,
            ArtifactIDList.self, ChildTask.self, Healthz.self,
        ]
    }

    /// The first byte picks the message type; the rest is the JSON body.
    static func run(_ data: Data) {
        guard let first = data.first else { return }
        let type = messages[Int(first) % messages.count]
        guard let json = try? APIJSON.parse(data.dropFirst()) else { return }
        if let message = try? type.init(json: json, path: "body") {
            _ = try? type.init(response: message.json())
        }
        if let message = try? type.init(response: json) {
            _ = message.json().compactJSON()
        }
    }

    /// The input is a raw query string (`filter=...&sort_by=...&page_token=...`), read for every resource.
    static func runQuery(_ data: Data) {
        let query = QueryParameters(rawQuery: String(decoding: data, as: UTF8.self))
        for resource in ListResource.allCases {
            guard let list = try? ListQuery(query, resource: resource) else { continue }
            _ = list.nextPageToken(after: PageCursor(sortValue: "x", key: "id"))
        }
    }
}
