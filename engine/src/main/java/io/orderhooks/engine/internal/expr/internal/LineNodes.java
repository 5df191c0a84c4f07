package io.orderhooks.engine.internal.expr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.expr.internal.Node.Env;
import io.orderhooks.engine.internal.expr.internal.Node.StaticType;
import io.orderhooks.engine.internal.expr.internal.ValueNodes.Root;
import java.math.BigDecimal;
import java.util.List;

/** Line-item aggregates, category membership and approval-rule checks. */
final class LineNodes {

    private LineNodes() {}

    /** The five {@code items.*(filter)} functions. */
    enum Aggregate {
        ANY(StaticType.BOOLEAN), ALL(StaticType.BOOLEAN), QUANTITY(StaticType.NUMBER),
        COUNT(StaticType.NUMBER), TOTAL(StaticType.NUMBER);

        final StaticType type;

        Aggregate(StaticType type) {
            this.type = type;
        }
    }

    /** {@code items.any|all|quantity|count|total(filter)}; a missing filter matches every line. */
    record Items(Aggregate function, Node filter, int column) implements Node {
        @Override
        public Object eval(Env env) {
            List<JsonNode> lines = env.ctx().items();
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode line : lines) {
                boolean match = filter == null
                        || Values.truth(filter.eval(env.forLine(line)), env, filter.column(), "An items filter");
                switch (function) {
                    case ANY -> {
                        if (match) {
                            return true;
                        }
                    }
                    case ALL -> {
                        if (!match) {
                            return false;
                        }
                    }
                    default -> {
                        if (match) {
                            sum = add(sum, measure(line, env));
                        }
                    }
                }
            }
            return function == Aggregate.ANY ? Boolean.FALSE : function == Aggregate.ALL ? Boolean.TRUE : sum;
        }

        private BigDecimal measure(JsonNode line, Env env) {
            return switch (function) {
                case COUNT -> BigDecimal.ONE;
                case QUANTITY -> field(line, "Quantity", env);
                default -> {
                    BigDecimal subtotal = field(line, "LineSubtotal", env);
                    if (subtotal != null) {
                        yield subtotal;
                    }
                    BigDecimal price = field(line, "UnitPrice", env);
                    BigDecimal quantity = field(line, "Quantity", env);
                    yield price == null || quantity == null ? null : price.multiply(quantity);
                }
            };
        }

        private BigDecimal field(JsonNode line, String name, Env env) {
            Object v = JsonValues.read(line, List.of(name));
            return Values.number(v, env, column, "items." + function.name().toLowerCase(java.util.Locale.ROOT));
        }

        private static BigDecimal add(BigDecimal sum, BigDecimal v) {
            return v == null ? sum : sum.add(v);
        }

        @Override
        public StaticType type() {
            return function.type;
        }
    }

    /** {@code product.incategory('X')} for the current item or the line a filter visits. */
    record InCategory(Root root, Node category, int column) implements Node {
        @Override
        public Object eval(Env env) {
            JsonNode line = ValueNodes.rootNode(root, env, column);
            Object id = category.eval(env);
            if (id != null && !(id instanceof String)) {
                throw env.typeMismatch("incategory needs a category ID text, got " + Values.typeName(id),
                        category.column());
            }
            String productID = JsonValues.text(line, "ProductID");
            if (productID == null) {
                productID = JsonValues.text(JsonValues.child(line, "Product"), "ID");
            }
            return id != null && productID != null && env.ctx().categories().inCategory(productID, (String) id);
        }

        @Override
        public StaticType type() {
            return StaticType.BOOLEAN;
        }
    }

    /** {@code order.approved('ruleID')}: whether that approval rule has been approved on the order. */
    record Approved(Node rule, int column) implements Node {
        @Override
        public Object eval(Env env) {
            Object id = rule.eval(env);
            if (id != null && !(id instanceof String)) {
                throw env.typeMismatch("approved needs an approval rule ID text, got " + Values.typeName(id),
                        rule.column());
            }
            return id != null && env.ctx().approvedRules().test((String) id);
        }

        @Override
        public StaticType type() {
            return StaticType.BOOLEAN;
        }
    }
}
