import Foundation
import Testing
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport

/// Real processes through the runner: exit codes, missing programs, deadlines, the output cap, the locale.
@Suite("ProcessCommandRunner")
struct ProcessCommandRunnerTests {
    let runner = ProcessCommandRunner()

    @Test func capturesOutputAndExitStatus() {
        let result = runner.run(Command("printf", ["%s\\n", "hello world"]))
        #expect(result.termination == .exited(0))
        #expect(result.stdout == "hello world\n")
        #expect(!result.truncated)
    }

    @Test func argumentsReachTheProgramVerbatimWithoutAShell() {
        let result = runner.run(Command("printf", ["%s|", "$HOME", "a b", "`id`;"]))
        #expect(result.stdout == "$HOME|a b|`id`;|")
    }

    @Test func nonzeroExitIsReportedNotThrown() {
        let result = runner.run(Command("ls", ["/no/such/path/preflight"]))
        #expect(result.termination == .exited(2))
        #expect(result.firstMessage?.contains("No such file") == true)
    }

    @Test func aMissingProgramIsNotFound() {
        let result = runner.run(Command("preflight-no-such-tool", []))
        #expect(result.termination == .notFound)
    }

    @Test func aProgramPastItsDeadlineIsStopped() {
        let started = Date()
        let result = runner.run(Command("sleep", ["30"], deadline: 0.5))
        #expect(result.termination == .timedOut(0.5))
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func outputBeyondTheCapIsDroppedWithoutBlockingTheChild() {
        let result = runner.run(Command("head", ["-c", "1000000", "/dev/zero"], outputCap: 1_000))
        #expect(result.termination == .exited(0))
        #expect(result.stdout.utf8.count == 1_000)
        #expect(result.truncated)
    }

    @Test func programsRunInTheCLocale() {
        let result = runner.run(Command("env", []))
        #expect(result.stdout.contains("LC_ALL=C\n"))
    }
}
