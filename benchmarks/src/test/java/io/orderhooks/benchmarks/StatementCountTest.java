package io.orderhooks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a REST checkout of 20 lines asks of the H2 store ({@link StatementCount}; exact counts, not timings). The
 * ceilings are the counts measured when they were set (docs/PERFORMANCE.md, "Statements per checkout"): they may only
 * go down, so a change that adds statements to a checkout says so here.
 */
class StatementCountTest {

    @Test
    void aTwentyLineCheckoutOnH2StaysWithinItsStatementAndTransactionCounts() throws Exception {
        StatementCount.Counts counts = StatementCount.measure("h2", 1, 20);

        assertThat(counts.byRoute()).containsOnlyKeys("auth (password grant)", "create order", "line add",
                "estimateshipping", "shipmethods", "calculate", "submit");
        assertThat(counts.perRequest("line add", "statements")).isLessThanOrEqualTo(5);
        assertThat(counts.perRequest("line add", "commits")).isEqualTo(1);
        assertThat(counts.perCheckout("statements")).isLessThanOrEqualTo(147);
        assertThat(counts.transactionsPerCheckout()).isLessThanOrEqualTo(96);
        assertThat(counts.perCheckout("commits")).isLessThanOrEqualTo(26);
        assertThat(counts.perRequest("submit", "statements")).isLessThanOrEqualTo(21);
        assertThat(counts.perCheckout("rollbacks")).isZero();
    }
}
