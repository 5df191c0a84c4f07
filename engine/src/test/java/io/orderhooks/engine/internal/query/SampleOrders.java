package io.orderhooks.engine.internal.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.ListPage;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.User;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Six realistic orders (see the table in each test) and helpers to run queries written as query strings. */
final class SampleOrders {

    static final QuerySchema ORDERS = QuerySchema.forType(Order.class)
            .defaultSearchOn("ID", "Comments")
            .reserved("depth")
            .build();

    private SampleOrders() {}

    static List<Order> all() {
        return List.of(
                order("PO-001", OrderStatus.Open, "99.5", "2024-01-05T10:00:00+00:00", user("John", "Smith", "john.smith@acme.com"), "MN", null,
                        "{\"MoreInfo\":{\"TeamName\":\"Tigers\",\"Coach\":{\"Name\":\"Ann\"}},\"Color\":\"Red\",\"Billed\":true,\"Priority\":3,\"Tags\":[\"rush\",\"gift\"]}"),
                order("PO-002", OrderStatus.Completed, "100", "2024-01-15T23:30:00-05:00", user("Jane", "Johnson", "jane@acme.com"), "WI", null,
                        "{\"MoreInfo\":{\"TeamName\":\"Lions\"},\"Color\":\"Blue\",\"Billed\":false,\"Priority\":10}"),
                order("PO-003", OrderStatus.Canceled, "1000", "2024-02-01T00:00:00+00:00", user("Bob", "Smithers", "bob@other.org"), "MN", null,
                        "{\"Color\":\"red\",\"Priority\":\"high\"}"),
                order("PO-004", OrderStatus.Unsubmitted, "12.25", null, user("John", "Doe", "jdoe@acme.com"), "CA", "needs *gift* wrap | fragile",
                        "{}"),
                order("PO-005", OrderStatus.Open, "250.00", "2024-01-31T23:59:59+00:00", user("Ann", "Ohara", "ann.ohara@acme.com"), "MN", null,
                        "{\"Billed\":null,\"MoreInfo\":{\"TeamName\":\"Tigers\"},\"Color\":\"Green\"}"),
                order("PO-006", OrderStatus.AwaitingApproval, "0", "2024-01-01T00:00:00+02:00", user("Carl", "John", "carl@acme.com"), "TX", "!important",
                        null));
    }

    static Order order(String id, OrderStatus status, String total, String submitted, User user, String state,
            String comments, String xp) {
        return Order.builder()
                .id(id)
                .status(status)
                .total(new BigDecimal(total))
                .subtotal(new BigDecimal(total))
                .currency("USD")
                .dateCreated(OffsetDateTime.parse("2023-12-01T08:00:00+00:00"))
                .dateSubmitted(submitted == null ? null : OffsetDateTime.parse(submitted))
                .isSubmitted(submitted != null)
                .fromUser(user)
                .fromUserID(user.id())
                .billingAddress(Address.builder().id("addr-" + id).city("Somewhere").state(state).country("US").build())
                .comments(comments)
                .lineItemCount(id.charAt(id.length() - 1) - '0')
                .xp(xp == null ? null : json(xp))
                .build();
    }

    static User user(String first, String last, String email) {
        return User.builder().id(first.toLowerCase() + "-" + last.toLowerCase()).username(email).firstName(first)
                .lastName(last).email(email).password("secret-" + first).active(true).build();
    }

    static JsonNode json(String text) {
        try {
            return OrderCloudJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** {@code "Status=Open&Total=>100"} as query parameters (no URL decoding; repeated names accumulate). */
    static Map<String, List<String>> params(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    static ListPage<Order> run(String query, List<Order> orders) {
        return ListQuery.parse(params(query), ORDERS).apply(orders, PropertyReaders.forRecord(Order.class));
    }

    /** The IDs a query returns over {@link #all()}, in result order. */
    static List<String> ids(String query) {
        return run(query, all()).items().stream().map(Order::id).toList();
    }
}
