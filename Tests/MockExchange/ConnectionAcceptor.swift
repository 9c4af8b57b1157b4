import Foundation
import Glibc

/// The accept loop: adopts each connection, sets TCP_NODELAY and hands it to a thread of its own.
struct ConnectionAcceptor: Sendable {
    let listener: Int32
    let state: ServerState
    let router: ExchangeRouter
    let splitsWrites: Bool

    func run() {
        while true {
            let fd = LoopbackSocket.accept(listener)
            if fd < 0 {
                if state.isStopped { break }
                if errno == EINTR || errno == ECONNABORTED { continue }
                // Out of descriptors or similar: back off instead of spinning.
                usleep(10_000)
                continue
            }
            guard state.adopt(connection: fd) else { break }
            if !splitsWrites { LoopbackSocket.setNoDelay(fd) }
            let handler = ConnectionHandler(fd: fd, state: state, router: router, splitsWrites: splitsWrites)
            let state = state
            state.threadWillStart()
            let thread = Thread {
                handler.run()
                state.threadDidFinish()
            }
            thread.name = "MockExchange connection \(fd)"
            thread.start()
        }
        state.closeListener()
        state.threadDidFinish()
    }
}
