package io.orderhooks.engine.internal.query;

import static io.orderhooks.engine.internal.query.SampleOrders.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Search and sort over {@link SampleOrders#all()} (table in {@link ListQueryFilterTest}). */
class ListQuerySearchAndSortTest {

    @Test
    void searchLooksInTheDefaultFieldsAsACaseInsensitiveSubstring() {
        assertThat(ids("search=FRAGILE")).containsExactly("PO-004");
        assertThat(ids("search=po-00")).hasSize(6);
        assertThat(ids("search=smith")).isEmpty(); // names are not default search fields here
    }

    @Test
    void searchOnNamesTheFieldsIncludingNestedAndXp() {
        assertThat(ids("search=smith&searchOn=FromUser.LastName,FromUser.Email")).containsExactly("PO-001", "PO-003");
        assertThat(ids("search=tig&searchOn=xp.MoreInfo.TeamName")).containsExactly("PO-001", "PO-005");
        assertThat(ids("search=GIFT&searchOn=Comments,xp.Tags")).containsExactly("PO-001", "PO-004");
        assertThat(ids("search=*gift*&searchOn=Comments")).containsExactly("PO-004"); // * is literal in search
    }

    @Test
    void searchCombinesWithFilters() {
        assertThat(ids("search=acme&searchOn=FromUser.Email&Status=Open")).containsExactly("PO-001", "PO-005");
    }

    @Test
    void sortByDescendingNumber() {
        assertThat(ids("sortBy=!Total")).containsExactly("PO-003", "PO-005", "PO-002", "PO-001", "PO-004", "PO-006");
    }

    @Test
    void sortByMultipleKeysWithMixedDirections() {
        assertThat(ids("sortBy=BillingAddress.State,!Total"))
                .containsExactly("PO-004", "PO-003", "PO-005", "PO-001", "PO-006", "PO-002");
    }

    @Test
    void datesSortChronologicallyWithAbsentValuesLastInBothDirections() {
        assertThat(ids("sortBy=DateSubmitted")).containsExactly("PO-006", "PO-001", "PO-002", "PO-005", "PO-003", "PO-004");
        assertThat(ids("sortBy=!DateSubmitted")).containsExactly("PO-003", "PO-005", "PO-002", "PO-001", "PO-006", "PO-004");
    }

    @Test
    void tiesAreBrokenByIdAscending() {
        assertThat(ids("sortBy=Status")).containsExactly("PO-006", "PO-003", "PO-002", "PO-001", "PO-005", "PO-004");
        assertThat(ids("sortBy=!Status")).containsExactly("PO-004", "PO-001", "PO-005", "PO-002", "PO-003", "PO-006");
        List<Order> reversed = new ArrayList<>(SampleOrders.all());
        java.util.Collections.reverse(reversed);
        assertThat(SampleOrders.run("sortBy=!Status", reversed).items().stream().map(Order::id))
                .containsExactly("PO-004", "PO-001", "PO-005", "PO-002", "PO-003", "PO-006");
    }

    @Test
    void withoutSortByItemsComeInIdOrder() {
        List<Order> reversed = new ArrayList<>(SampleOrders.all());
        java.util.Collections.reverse(reversed);
        assertThat(SampleOrders.run("", reversed).items().stream().map(Order::id))
                .containsExactly("PO-001", "PO-002", "PO-003", "PO-004", "PO-005", "PO-006");
    }

    @Test
    void descendingIdSortIsNotOverriddenByTheTieBreaker() {
        assertThat(ids("sortBy=!ID")).containsExactly("PO-006", "PO-005", "PO-004", "PO-003", "PO-002", "PO-001");
    }

    @Test
    void xpSortsTextIgnoringCaseThenByCase() {
        assertThat(ids("sortBy=xp.Color")).containsExactly("PO-002", "PO-005", "PO-001", "PO-003", "PO-004", "PO-006");
    }

    @Test
    void theSchemaDefaultSortAppliesWhenNoSortByIsGiven() {
        QuerySchema newestFirst = QuerySchema.forType(Order.class).defaultSortBy("!DateSubmitted").build();
        List<String> got = ListQuery.parse(SampleOrders.params(""), newestFirst)
                .apply(SampleOrders.all(), PropertyReaders.forRecord(Order.class))
                .items().stream().map(Order::id).toList();
        assertThat(got).containsExactly("PO-003", "PO-005", "PO-002", "PO-001", "PO-006", "PO-004");
    }

    @Test
    void sortingIsStableForItemsWithoutAnId() {
        List<Order> noIds = List.of(
                SampleOrders.order("x", OrderStatus.Open, "5", null, SampleOrders.user("A", "A", "a@x"), "MN", "first", null),
                SampleOrders.order("x", OrderStatus.Open, "5", null, SampleOrders.user("B", "B", "b@x"), "MN", "second", null),
                SampleOrders.order("x", OrderStatus.Open, "1", null, SampleOrders.user("C", "C", "c@x"), "MN", "third", null));
        assertThat(SampleOrders.run("sortBy=!Total", noIds).items().stream().map(Order::comments))
                .containsExactly("first", "second", "third");
    }
}
