import YAML

// MARK: - Lab 8's business endpoint

extension DemoApp {
    /// The payment methods counted by name; others are `other` (bounded label values).
    static let paymentMethods: Set<String> = ["card", "paypal", "transfer"]

    /// `POST /order` with `{"id": "A1", "total_amount": 42.5, "payment": "card"}` (Lab 8): counts
    /// `orders_total{status="completed",payment_method}`, observes `order_value_euros`, adds to
    /// `revenue_euros_total` and holds `active_users` while it runs. A body that is not such an
    /// object is a 422 with FastAPI's body errors.
    func order(_ request: HTTPServerRequest) -> HTTPServerResponse {
        guard let business = metrics.business else { return .json(404, "{\"detail\":\"Not Found\"}") }
        guard request.body.count <= 64 * 1024,
              let root = try? JSONParser().parse(String(decoding: request.body, as: UTF8.self), file: "body"),
              root.mapping != nil else {
            return .json(422, "{\"detail\":[{\"type\":\"model_attributes_type\",\"loc\":[\"body\"],\"msg\":\"Input should be a valid dictionary or object to extract fields from\",\"input\":null}]}")
        }
        var errors: [String] = []
        func error(_ type: String, _ field: String, _ message: String) {
            errors.append("{\"type\":\"\(type)\",\"loc\":[\"body\",\"\(field)\"],\"msg\":\(JSONWriter.quote(message)),\"input\":null}")
        }
        let id = root["id"].flatMap { $0.resolvedType == .string || $0.resolvedType == .int ? $0.scalarValue : nil }
        if root["id"] == nil { error("missing", "id", "Field required") }
        else if let id, id.isEmpty || id.count > 64 { error("string_too_long", "id", "String should have 1 to 64 characters") }
        else if id == nil { error("string_type", "id", "Input should be a valid string") }
        let amount = root["total_amount"].flatMap { $0.resolvedType == .int || $0.resolvedType == .float ? $0.scalarValue.flatMap(Double.init) : nil }
        if root["total_amount"] == nil { error("missing", "total_amount", "Field required") }
        else if let amount, !(amount >= 0) || !amount.isFinite { error("greater_than_equal", "total_amount", "Input should be greater than or equal to 0") }
        else if amount == nil { error("float_parsing", "total_amount", "Input should be a valid number") }
        let payment = root["payment"]?.scalarValue ?? "card"
        guard errors.isEmpty, let id, let amount else { return .json(422, "{\"detail\":[" + errors.joined(separator: ",") + "]}") }
        let registry = metrics.registry
        registry.add(business.activeUsers, [], 1)
        registry.add(business.orders, ["completed", Self.paymentMethods.contains(payment) ? payment : "other"])
        registry.observe(business.orderValue, [], amount)
        registry.add(business.revenue, [], amount)
        registry.add(business.activeUsers, [], -1)
        return .json(200, "{\"order_id\":\(JSONWriter.quote(id))}")
    }
}
