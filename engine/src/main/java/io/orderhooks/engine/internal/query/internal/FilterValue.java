package io.orderhooks.engine.internal.query.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One value of a filter parameter ({@code Open|!Canceled}): its {@link FilterTerm}s ORed. When {@code noneOf}
 * ({@code !A|B}, a leading {@code !}), it matches when none of the terms matches (their own {@code !} ignored).
 */
public record FilterValue(List<FilterTerm> terms, boolean noneOf) {

    public FilterValue {
        terms = List.copyOf(terms);
    }

    /** The compiled matcher for values of {@code kind}. */
    public Matcher matcher(ValueKind kind) {
        List<Matcher> any = new ArrayList<>(terms.size());
        for (FilterTerm t : terms) {
            Matcher m = t.positive(kind);
            any.add(t.negated() && !noneOf ? Matchers.not(m) : m);
        }
        return noneOf ? Matchers.not(Matchers.anyOf(any)) : Matchers.anyOf(any);
    }
}
