import Dispatch

/// The probes' tasks run here rather than on the shared cooperative pool: a serial queue of their own, so the
/// deadline and the answers are taken in time however busy the rest of the process keeps the pool.
final class ProbeExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = ProbeExecutor()
    private let queue = DispatchQueue(label: "preflight.probes")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
