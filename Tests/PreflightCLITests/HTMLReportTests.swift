import Foundation
import Testing

/// `--format html` opened in a real headless Chromium: the defective fixture's report renders every
/// section and every timeline, fetches nothing, and its screenshot is far from blank.
@Suite("HTML report in a browser", .serialized)
struct HTMLReportTests {
    @Test func theDefectiveFixturesReportRendersEverySectionAndTimeline() throws {
        try HeadlessChromium.require()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-html-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let page = folder + "/report.html"
        let audit = try PreflightBinary.run([
            "audit", "--offline", "--manifest", "fixtures/bots/defective/preflight.yml", "--format", "text", "--report", "html=\(page)",
        ])
        #expect(audit.status == 1, "\(audit.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let dom = try HeadlessChromium.dom(page)
        HeadlessChromium.expectRenderedReport(html, dom: dom)
        #expect(dom.contains("data-status=\"fail\""))
        // Failures come first; the passes are folded away.
        let firstPass = dom.range(of: "<details class=\"passed\"")?.lowerBound
        let firstFail = dom.range(of: "data-status=\"fail\"")?.lowerBound
        if let firstPass, let firstFail { #expect(firstFail < firstPass) }

        let blank = folder + "/blank.html"
        try "<!DOCTYPE html><html><body></body></html>".write(toFile: blank, atomically: true, encoding: .utf8)
        let blankBytes = try HeadlessChromium.screenshot(blank, to: folder + "/blank.png")
        let reportBytes = try HeadlessChromium.screenshot(page, to: folder + "/report.png")
        #expect(blankBytes > 0)
        #expect(reportBytes > blankBytes * 10, "the screenshot looks blank: \(reportBytes) bytes against \(blankBytes) for an empty page")
    }

    @Test func aReportWithNoLogsSaysThereIsNothingToDraw() throws {
        try HeadlessChromium.require()
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-html-\(UUID().uuidString).html").path
        // The partial fixture names no log samples, and no drill ran.
        let audit = try PreflightBinary.run(["audit", "--offline", "--manifest", "fixtures/bots/partial/preflight.yml", "--report", "html=\(page)"])
        #expect(audit.status == 1, "\(audit.stderr)")
        let dom = try HeadlessChromium.dom(page)
        #expect(dom.contains("id=\"timelines\""))
        #expect(dom.contains("nothing to draw over time"))
        #expect(!dom.contains("data-chart="), "timelines drawn from nothing")
    }
}
