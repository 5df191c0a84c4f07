package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.store.OrderListContract;
import org.junit.jupiter.api.Test;

/**
 * Which column a list's {@code Total} reads (schema V17): {@code listed_total}, which the list indexes hold, when the
 * list's {@code Status} filters rule carts out; {@code total} when a cart may be in the list, each {@code Total}
 * filter then also on {@code listed_total} (for the orders that are not carts, so that the indexes can find them).
 */
class OrderListCartsTest {

    private final OrderListSql sql = new OrderListSql(Dialect.POSTGRESQL);

    @Test
    void listsWhoseStatusFiltersRuleCartsOutReadTheListedTotal() {
        for (String q : new String[] {"Status=Open", "Status=open|completed", "Status=!Unsubmitted", "Status=Op*",
            "Status=Completed&Status=!Unsubmitted", "Status=Open|Canceled&Total=>=500"}) {
            assertThat(OrderListSql.excludesCarts(parse(q))).as(q).isTrue();
            SqlListQuery.Translation t = sql.translate(parse(q + "&sortBy=!Total"));
            assertThat(t.orderBy()).as(q).startsWith("listed_total DESC NULLS LAST");
            assertThat(t.sortColumns()).as(q).contains("listed_total").doesNotContain("total");
        }
        assertThat(sql.translate(parse("Status=Completed&Total=>=500")).where()).contains("listed_total >= ?");
    }

    @Test
    void listsThatMayHoldCartsReadTheTotal() {
        for (String q : new String[] {"", "Status=Unsubmitted", "Status=!Open", "Status=Open|Unsubmitted", "Status=unsub*",
            "Total=>=500", "Status=*"}) {
            assertThat(OrderListSql.excludesCarts(parse(q))).as(q).isFalse();
            SqlListQuery.Translation t = sql.translate(parse(q.isEmpty() ? "sortBy=Total" : q + "&sortBy=Total"));
            assertThat(t.orderBy()).as(q).startsWith("total ASC NULLS LAST");
        }
    }

    @Test
    void aTotalFilterOnAListThatMayHoldCartsReadsTheTotalAndTheListedTotalOfOrdersThatAreNotCarts() {
        SqlListQuery.Translation t = sql.translate(parse("Total=>=500&sortBy=!Total"));
        assertThat(t.where()).isEqualTo("((total >= ?) AND ((listed_total >= ?) OR status = 'Unsubmitted'))");
        assertThat(t.params()).hasSize(2).allSatisfy(p -> assertThat(p).isEqualTo(new java.math.BigDecimal("500")));
        assertThat(t.exact()).isTrue();
        assertThat(t.orderBy()).startsWith("total DESC NULLS LAST");
        // a negation: absent values match it, on each column
        t = sql.translate(parse("Status=!Open&Total=!5|>10"));
        assertThat(t.where()).contains("(listed_total IS NULL OR NOT (listed_total = ? OR listed_total > ?))")
                .contains("(total IS NULL OR NOT (total = ? OR total > ?))");
        // a wildcard on a number is decided in Java on either side
        assertThat(sql.translate(parse("Total=1*")).exact()).isFalse();
        assertThat(sql.translate(parse("Total=1*")).where()).doesNotContain("total");
    }

    private static ListQuery parse(String q) {
        return ListQuery.parse(OrderListContract.params(q), OrderListContract.SCHEMA);
    }
}
