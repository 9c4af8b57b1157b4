import Foundation
import Testing

/// Debian's chromium, headless, as a test's browser: the DOM it builds from a report, and screenshots.
enum HeadlessChromium {
    static let path = "/usr/bin/chromium"
    static let charts = ["requests", "inflight", "retries", "streams", "offset", "heartbeats"]

    static func require() throws {
        try #require(FileManager.default.isExecutableFile(atPath: path), "needs a headless browser: apt-get install chromium")
    }

    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        // Root in CI: no sandbox. No first-run, no GPU, no network beyond the file itself.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars", "--disable-extensions"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func dom(_ file: String) throws -> String { try run(["--dump-dom", URL(fileURLWithPath: file).absoluteString]) }

    /// Bytes of a 1200×1600 screenshot of the page.
    static func screenshot(_ file: String, to png: String) throws -> Int {
        _ = try run(["--window-size=1200,1600", "--screenshot=\(png)", URL(fileURLWithPath: file).absoluteString])
        return (try FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
    }

    /// What every report page must hold once rendered: the headline, all 25 items, every timeline's SVG
    /// with marks in it (unless `allowEmpty` names it), and nothing fetched from elsewhere.
    static func expectRenderedReport(_ html: String, dom: String, allowEmpty: Set<String> = []) {
        for id in ["headline", "score", "coverage", "gate", "timelines", "checklist"] {
            #expect(dom.contains("id=\"\(id)\""), "the rendered page has no #\(id)")
        }
        let rows = dom.components(separatedBy: "<tr class=\"item ").count - 1
        #expect(rows == 25, "\(rows) item rows")
        for chart in charts {
            guard let start = dom.range(of: "data-chart=\"\(chart)\"") else {
                Issue.record("no \(chart) timeline SVG")
                continue
            }
            let body = dom[start.upperBound...].prefix { _ in true }.components(separatedBy: "</svg>")[0]
            if !allowEmpty.contains(chart) {
                #expect(body.contains("class=\"bar") || body.contains("class=\"mark") || body.contains("class=\"retry"), "the \(chart) timeline draws nothing")
            }
        }
        for fetch in ["src=", "href=\"http", "url(", "@import", "<link"] {
            #expect(!html.contains(fetch), "the page would fetch something: \(fetch)")
        }
    }
}
