import NIOCore
import NIOWebSocket

/// Serves one market-stream connection: every `pushInterval` it asks the core for the frames due on this
/// connection (or for a close), answers pings, and passes SUBSCRIBE / UNSUBSCRIBE messages to the core.
final class WebSocketStreamHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    static let pushInterval = TimeAmount.milliseconds(100)

    private let core: StandInCore
    private let stream: Int
    private var pushTask: RepeatedTask?
    private var closing = false
    private var fragments: [UInt8] = []

    init(core: StandInCore, stream: Int) {
        self.core = core
        self.stream = stream
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        pushTask = context.eventLoop.scheduleRepeatedTask(initialDelay: Self.pushInterval, delay: Self.pushInterval) { _ in
            let (handler, context) = bound.value
            handler.push(context: context)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        pushTask?.cancel()
        pushTask = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        pushTask?.cancel()
        core.streamEnded(stream, closeCode: closing ? nil : 1006, byServer: false)
        context.fireChannelInactive()
    }

    private func push(context: ChannelHandlerContext) {
        guard !closing else { return }
        switch core.streamPush(stream) {
        case .frames(let texts):
            guard !texts.isEmpty else { return }
            for text in texts { write(text, context: context) }
            context.flush()
        case .close(let code):
            close(code: code, context: context)
        case .drop:
            closing = true
            core.streamEnded(stream, closeCode: 1006, byServer: true)
            context.close(promise: nil)
        }
    }

    private func write(_ text: String, context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        context.write(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .text, data: buffer)), promise: nil)
    }

    private func close(code: Int, context: ChannelHandlerContext) {
        closing = true
        core.streamEnded(stream, closeCode: code, byServer: true)
        sendCloseFrame(code: code, context: context)
    }

    /// A close frame with the code, then the connection closed once it is written.
    private func sendCloseFrame(code: Int, context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: 2)
        buffer.write(webSocketErrorCode: WebSocketErrorCode(codeNumber: code))
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: buffer)))
            .whenComplete { _ in channel.close(promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .ping:
            var payload = frame.unmaskedData
            let pong = WebSocketFrame(fin: true, opcode: .pong, data: payload)
            payload.moveReaderIndex(to: 0)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
            core.streamPinged(stream)
        case .pong:
            core.streamPinged(stream)
        case .connectionClose:
            guard !closing else { context.close(promise: nil); return }
            closing = true
            var data = frame.unmaskedData
            let code = data.readWebSocketErrorCode().map(Self.number) ?? 1005
            core.streamEnded(stream, closeCode: code, byServer: false)
            sendCloseFrame(code: code, context: context)
        case .text, .continuation:
            guard fragments.count + frame.length <= 65_536 else {
                close(code: 1009, context: context)
                return
            }
            var data = frame.unmaskedData
            fragments += data.readBytes(length: data.readableBytes) ?? []
            guard frame.fin else { return }
            let text = String(decoding: fragments, as: UTF8.self)
            fragments = []
            for reply in core.streamMessage(stream, text) { write(reply, context: context) }
            context.flush()
        default:
            frame.data.clear()
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    static func number(_ code: WebSocketErrorCode) -> Int {
        switch code {
        case .normalClosure: 1000
        case .goingAway: 1001
        case .protocolError: 1002
        case .unacceptableData: 1003
        case .dataInconsistentWithMessage: 1007
        case .policyViolation: 1008
        case .messageTooLarge: 1009
        case .missingExtension: 1010
        case .unexpectedServerError: 1011
        case .unknown(let value): Int(value)
        }
    }
}

/// What a stream connection does at its next push.
enum StreamPush: Sendable {
    case frames([String])
    /// A close frame with this code, then the connection ends.
    case close(code: Int)
    /// The TCP connection ends without a close frame (the client sees 1006).
    case drop
}
