import NIOCore
import NIOHTTP1

/// Serves one HTTP/1.1 connection: gathers each request, asks the core what to answer, and sends it the way
/// the core says (at once, later, cut short, or not at all). NIO's pipelining handler in front keeps one
/// request in flight per connection, so answers leave in order.
final class HTTPExchangeHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Bodies over this are refused: no exchange call needs more.
    static let maximumBodyBytes = 1 << 20

    private let core: StandInCore
    private let connection: Int
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var oversized = false

    init(core: StandInCore, connection: Int) {
        self.core = core
        self.connection = connection
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = []
            oversized = false
        case .body(var buffer):
            if body.count + buffer.readableBytes > Self.maximumBodyBytes {
                oversized = true
            } else if let bytes = buffer.readBytes(length: buffer.readableBytes) {
                body += bytes
            }
        case .end:
            guard let requestHead = head else { return }
            head = nil
            answer(requestHead, context: context)
        }
    }

    private func answer(_ requestHead: HTTPRequestHead, context: ChannelHandlerContext) {
        let request = StandInRequest(
            method: requestHead.method.rawValue, target: requestHead.uri,
            version: "HTTP/\(requestHead.version.major).\(requestHead.version.minor)",
            headers: requestHead.headers.map { ($0.name, $0.value) }, body: oversized ? [] : body, connection: connection
        )
        let arrival = core.arrived(request)
        let reply = oversized
            ? StandInReply(routed: RoutedResponse(response: .json(413, #"{"code":-1100,"msg":"Request body too large."}"#), outcome: "413 body too large"))
            : core.reply(to: request, arrival: arrival)
        let keepAlive = requestHead.isKeepAlive
        switch reply.delivery {
        case .now:
            send(reply.routed.response, keepAlive: keepAlive, context: context)
            core.answered(arrival, reply)
        case .after(let milliseconds):
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .milliseconds(Int64(milliseconds))) {
                let (handler, context) = bound.value
                handler.send(reply.routed.response, keepAlive: keepAlive, context: context)
                handler.core.answered(arrival, reply)
            }
        case .truncated:
            let response = reply.routed.response
            context.write(wrapOutboundOut(.head(responseHead(response, keepAlive: false))), promise: nil)
            var buffer = context.channel.allocator.buffer(capacity: response.body.count / 2)
            buffer.writeBytes(response.body.prefix(response.body.count / 2))
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            core.answered(arrival, reply)
            context.close(promise: nil)
        case .dropConnection:
            core.answered(arrival, reply)
            context.close(promise: nil)
        }
    }

    private func responseHead(_ response: StandInResponse, keepAlive: Bool) -> HTTPResponseHead {
        var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        headers.add(name: "Content-Length", value: "\(response.body.count)")
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        return HTTPResponseHead(
            version: .http1_1, status: HTTPResponseStatus(statusCode: response.status, reasonPhrase: StandInResponse.reason(response.status)),
            headers: headers
        )
    }

    /// One flush for the whole answer: with TCP_NODELAY set, head and body leave together.
    private func send(_ response: StandInResponse, keepAlive: Bool, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        context.write(wrapOutboundOut(.head(responseHead(response, keepAlive: keepAlive))), promise: nil)
        var buffer = context.channel.allocator.buffer(capacity: response.body.count)
        buffer.writeBytes(response.body)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        let done = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: done)
        if !keepAlive {
            let channel = context.channel
            done.futureResult.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
