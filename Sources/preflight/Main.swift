import ArgumentParser
import Foundation
import PreflightCollection
import PreflightEvaluation
import PreflightSupport

/// Parses, runs, and maps the outcome to the exit code: 0 gate passed, 1 gate failed, 2 usage or input error.
@main
enum Main {
    static func main() async {
        do {
            var command = try PreflightCommand.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch let error as ManifestError {
            fail("preflight: \(error)")
        } catch let error as InputError {
            fail("preflight: \(error)")
        } catch {
            let code = PreflightCommand.exitCode(for: error)
            if code == .success {
                print(PreflightCommand.fullMessage(for: error))
                exit(0)
            }
            fail(PreflightCommand.fullMessage(for: error))
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(2)
    }
}
