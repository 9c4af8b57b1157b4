/// What an `api_request` record is, for the order rules, judged by its endpoint and method.
extension LogEvent {
    /// An order placement: an `order_submit`, or a POST or PUT to an order endpoint that is not a
    /// cancel, query, list, history, status or amend.
    var isOrderPlacement: Bool {
        if kind == .orderSubmit { return true }
        guard kind == .apiRequest, let endpoint else { return false }
        // The method first: it is short, and most requests are GETs that need no scan of the endpoint.
        if let method, !Self.isMethod(method, "POST"), !Self.isMethod(method, "PUT") { return false }
        guard EndpointWord.order.occurs(in: endpoint) else { return false }
        return !EndpointWord.notPlacements.contains { $0.occurs(in: endpoint) }
    }

    /// An order cancellation: an `order_cancel`, or a DELETE to an order endpoint, or a request to a
    /// cancel endpoint.
    var isOrderCancellation: Bool {
        if kind == .orderCancel { return true }
        guard kind == .apiRequest, let endpoint else { return false }
        if let method, Self.isMethod(method, "GET") { return false }
        if EndpointWord.cancel.occurs(in: endpoint) { return true }
        guard let method, Self.isMethod(method, "DELETE") else { return false }
        return EndpointWord.order.occurs(in: endpoint)
    }

    /// A query of one order's status. A list of open orders is not one: a filled order is missing
    /// from it, so the bot would take it for lost and place it again.
    var isOrderStatusQuery: Bool {
        guard kind == .apiRequest, let endpoint, EndpointWord.order.occurs(in: endpoint),
              !EndpointWord.open.occurs(in: endpoint)
        else {
            return false
        }
        return method.map { Self.isMethod($0, "GET") } ?? false
            || EndpointWord.query.occurs(in: endpoint) || EndpointWord.status.occurs(in: endpoint)
    }

    private static func isMethod(_ method: String, _ name: String) -> Bool {
        method.utf8.count == name.utf8.count && zip(method.utf8, name.utf8).allSatisfy { $0 & 0xDF == $1 }
    }
}
