package io.orderhooks.engine.internal.expr.internal;

import io.orderhooks.engine.internal.expr.internal.LineNodes.Aggregate;
import io.orderhooks.engine.internal.expr.internal.LineNodes.Approved;
import io.orderhooks.engine.internal.expr.internal.LineNodes.InCategory;
import io.orderhooks.engine.internal.expr.internal.LineNodes.Items;
import io.orderhooks.engine.internal.expr.internal.Token.Type;
import io.orderhooks.engine.internal.expr.internal.ValueNodes.MinMax;
import io.orderhooks.engine.internal.expr.internal.ValueNodes.Property;
import io.orderhooks.engine.internal.expr.internal.ValueNodes.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resolves a dotted name, optionally called: {@code order.X.Y}, {@code order.approved('id')},
 * {@code items.any(filter)}, {@code item.X}, {@code product.X}, {@code [item.]product.incategory('c')},
 * {@code min(..)}, {@code max(..)}, and, inside a filter, bare line fields ({@code ProductID}).
 * Roots, functions and aggregates are case-insensitive; property names are looked up at evaluation.
 */
final class References {

    private final Parser p;
    private final List<Token> segments = new ArrayList<>();

    References(Parser parser) {
        this.p = parser;
    }

    Node reference() {
        segments.add(p.next());
        while (p.accept(Type.DOT)) {
            segments.add(p.expect(Type.IDENT, "a property name after '.'"));
        }
        boolean call = p.peek().is(Type.LPAREN);
        String root = segments.get(0).text().toLowerCase(Locale.ROOT);
        if (call && segments.size() == 1) {
            return function();
        }
        return switch (root) {
            case "order" -> call ? approved() : property(Root.ORDER, 1);
            case "items" -> items(call);
            case "item", "product" -> line(root, call);
            default -> bare(call);
        };
    }

    private Node function() {
        Token name = segments.get(0);
        String fn = name.text().toLowerCase(Locale.ROOT);
        if (!fn.equals("min") && !fn.equals("max")) {
            throw p.unknownFunction("Unknown function '" + name.text() + "' (expected min or max)", name.column());
        }
        List<Node> args = p.arguments();
        if (args.size() < 2) {
            throw p.argumentCount(fn + " needs at least 2 arguments, got " + args.size(), name.column());
        }
        args.forEach(a -> p.requireNumber(a, fn));
        return new MinMax(fn.equals("max"), List.copyOf(args), name.column());
    }

    private Node approved() {
        Token name = segments.get(segments.size() - 1);
        if (segments.size() != 2 || !name.text().equalsIgnoreCase("approved")) {
            throw p.unknownFunction("Unknown function '" + name.text() + "' on order (expected order.approved)",
                    name.column());
        }
        if (p.approvedColumn == 0) {
            p.approvedColumn = segments.get(0).column();
        }
        return new Approved(p.requireText(single("order.approved"), "order.approved"), segments.get(0).column());
    }

    private Node items(boolean call) {
        Token first = segments.get(0);
        if (p.inFilter) {
            throw p.reference("items.* cannot be used inside an items filter", first.column());
        }
        if (segments.size() == 1) {
            throw p.syntax("Expected '.' and any, all, quantity, count or total after 'items'", end(first));
        }
        Token name = segments.get(1);
        Aggregate fn = aggregate(name);
        if (segments.size() > 2 || !call) {
            throw p.syntax("Expected '(' after 'items." + name.text() + "'", end(name));
        }
        int open = p.peek().column();
        p.inFilter = true;
        List<Node> args = p.arguments();
        p.inFilter = false;
        if (args.size() > 1) {
            throw p.argumentCount("items." + name.text() + " takes one filter, got " + args.size() + " arguments",
                    open);
        }
        Node filter = args.isEmpty() ? null : p.requireBoolean(args.get(0), "An items filter");
        return new Items(fn, filter, first.column());
    }

    private Aggregate aggregate(Token name) {
        try {
            return Aggregate.valueOf(name.text().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw p.unknownFunction("Unknown items function '" + name.text()
                    + "' (expected any, all, quantity, count or total)", name.column());
        }
    }

    /** {@code item.*} or {@code product.*}: the current item, or the visited line inside a filter. */
    private Node line(String root, boolean call) {
        Token first = segments.get(0);
        Root target = p.inFilter ? Root.FILTER_LINE : Root.ITEM;
        if (target == Root.ITEM && p.itemColumn == 0) {
            p.itemColumn = first.column();
        }
        if (call) {
            return inCategory(root, target);
        }
        if (segments.size() == 1) {
            throw p.syntax("Expected '.' and a property name after '" + first.text() + "'", end(first));
        }
        if (root.equals("product")) {
            List<String> path = new ArrayList<>(names(1));
            path.add(0, "Product");
            return new Property(target, List.copyOf(path), first.column());
        }
        return property(target, 1);
    }

    private Node inCategory(String root, Root target) {
        Token name = segments.get(segments.size() - 1);
        boolean viaProduct = root.equals("product") ? segments.size() == 2
                : segments.size() == 2 || (segments.size() == 3 && segments.get(1).text().equalsIgnoreCase("product"));
        if (!viaProduct || !name.text().equalsIgnoreCase("incategory")) {
            throw p.unknownFunction("Unknown function '" + name.text() + "' (expected product.incategory)",
                    name.column());
        }
        Node category = p.requireText(single("incategory"), "incategory");
        return new InCategory(target, category, segments.get(0).column());
    }

    /** A name that is no root: a line field inside a filter, an error elsewhere. */
    private Node bare(boolean call) {
        Token first = segments.get(0);
        if (!p.inFilter) {
            throw p.reference("Unknown name '" + first.text() + "' (expected order, items, item or product)",
                    first.column());
        }
        if (call) {
            Token name = segments.get(segments.size() - 1);
            throw p.unknownFunction("Unknown function '" + name.text() + "'", name.column());
        }
        return property(Root.FILTER_LINE, 0);
    }

    private Node property(Root root, int from) {
        Token first = segments.get(0);
        if (segments.size() <= from) {
            throw p.syntax("Expected '.' and a property name after '" + first.text() + "'", end(first));
        }
        return new Property(root, names(from), first.column());
    }

    private Node single(String fn) {
        int open = p.peek().column();
        List<Node> args = p.arguments();
        if (args.size() != 1) {
            throw p.argumentCount(fn + " needs exactly 1 argument, got " + args.size(), open);
        }
        return args.get(0);
    }

    private List<String> names(int from) {
        return segments.subList(from, segments.size()).stream().map(Token::text).toList();
    }

    private static int end(Token t) {
        return t.column() + t.text().length();
    }
}
