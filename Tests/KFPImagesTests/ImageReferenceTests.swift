import KFPImages
import Testing

/// `REPO[:TAG]` and `REPO@sha256:HEX` parsing, with exact messages for what is wrong.
@Suite("Image names")
struct ImageReferenceTests {
    @Test("repositories, tags and registries", arguments: [
        ("127.0.0.1:5000/kfp-test/echo:v1", "127.0.0.1:5000/kfp-test/echo", "v1", "127.0.0.1:5000"),
        ("127.0.0.1:5000/echo", "127.0.0.1:5000/echo", "latest", "127.0.0.1:5000"),
        ("gcr.io/my-project/my_image.v2:2024-01", "gcr.io/my-project/my_image.v2", "2024-01", "gcr.io"),
        ("localhost/a__b--c", "localhost/a__b--c", "latest", "localhost"),
        ("team/add:V_1.0", "team/add", "V_1.0", "docker.io"),
        ("add", "add", "latest", "docker.io"),
    ])
    func parses(text: String, repository: String, tag: String, registry: String) throws {
        let reference = try ImageReference(text)
        #expect(reference.repository == repository)
        #expect(reference.tag == tag)
        #expect(reference.registry == registry)
        #expect(reference.description == "\(repository):\(tag)")
    }

    @Test("what is wrong is named", arguments: [
        ("Team/add", "image 'Team/add' is not a valid REPO[:TAG]: path part 'Team' must be lower-case letters and digits joined by '.', '_' or '-'"),
        ("127.0.0.1:5000/add@sha256:abc", "image '127.0.0.1:5000/add@sha256:abc' is not a valid REPO[:TAG]: it has a digest; give a tag (REPO:TAG), the digest is what the registry answers after the push"),
        ("add:-v1", "image 'add:-v1' is not a valid REPO[:TAG]: tag '-v1' must be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'"),
        ("add:", "image 'add:' is not a valid REPO[:TAG]: tag '' must be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'"),
        ("host:99999/add", "image 'host:99999/add' is not a valid REPO[:TAG]: registry host 'host:99999' must be HOST or HOST:PORT"),
        ("team//add", "image 'team//add' is not a valid REPO[:TAG]: it has an empty path part"),
        ("", "image '' is not a valid REPO[:TAG]: it has an empty path part"),
    ])
    func refuses(text: String, message: String) {
        #expect(throws: ImageBuildError(.invalidInput, message)) { try ImageReference(text) }
    }

    @Test("strict names: REPO@sha256 and 64 hex digits")
    func strictNames() throws {
        let digest = "sha256:" + String(repeating: "0123456789abcdef", count: 4)
        let name = try StrictImageName("127.0.0.1:5000/kfp-test/echo@\(digest)")
        #expect(name.repository == "127.0.0.1:5000/kfp-test/echo")
        #expect(name.digest == digest)
        #expect(name.description == "127.0.0.1:5000/kfp-test/echo@\(digest)")
        #expect(throws: ImageBuildError(.invalidInput, "digest 'sha256:ABC' of image 'echo' is not 'sha256:' and 64 lower-case hex digits")) {
            try StrictImageName("echo@sha256:ABC")
        }
        #expect(throws: ImageBuildError(.invalidInput, "image 'echo:v1' is not a strict name REPO@sha256:HEX (no '@')")) {
            try StrictImageName("echo:v1")
        }
        #expect(throws: ImageBuildError(.invalidInput, "repository 'echo:v1' of a strict image name must not have a tag")) {
            try StrictImageName(repository: "echo:v1", digest: digest)
        }
    }
}
