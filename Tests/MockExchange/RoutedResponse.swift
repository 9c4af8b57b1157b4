/// A response together with the line that goes into `MockExchangeServer.requests`.
struct RoutedResponse: Sendable {
    var response: HTTPResponse
    var outcome: String
}
