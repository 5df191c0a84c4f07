package io.orderhooks.engine.internal.store;

import io.orderhooks.core.model.Order;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Which orders a list request ranges over before its {@link io.orderhooks.engine.internal.query.ListQuery}: those
 * of one company on one side, optionally with a date between {@code from} and {@code to} (both inclusive, either
 * may be null), where the date is {@code DateCreated} or, for {@link DateField#SUBMITTED_OR_CREATED},
 * {@code DateSubmitted} falling back to {@code DateCreated} for an order never submitted.
 */
public record OrderListScope(String companyID, Side side, DateField dateField, OffsetDateTime from, OffsetDateTime to) {

    /** Which company column must be {@link #companyID()}. */
    public enum Side { FROM, TO, EITHER }

    /** What {@code from}/{@code to} bound. */
    public enum DateField { CREATED, SUBMITTED_OR_CREATED }

    public OrderListScope {
        Objects.requireNonNull(companyID, "companyID");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(dateField, "dateField");
    }

    /** Whether {@code o} is in the scope. */
    public boolean contains(Order o) {
        boolean company = switch (side) {
            case FROM -> companyID.equals(o.fromCompanyID());
            case TO -> companyID.equals(o.toCompanyID());
            case EITHER -> companyID.equals(o.fromCompanyID()) || companyID.equals(o.toCompanyID());
        };
        if (!company || (from == null && to == null)) {
            return company;
        }
        OffsetDateTime d = dateField == DateField.CREATED || o.dateSubmitted() == null ? o.dateCreated() : o.dateSubmitted();
        return d != null && (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }
}
