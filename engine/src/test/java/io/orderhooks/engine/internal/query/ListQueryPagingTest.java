package io.orderhooks.engine.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.ListPage;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ListQueryPagingTest {

    /** 45 orders O-01..O-45 in shuffled order; odd numbers are Open, even Completed. */
    static List<Order> fortyFive() {
        List<Order> orders = new ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            orders.add(SampleOrders.order(String.format("O-%02d", i), i % 2 == 1 ? OrderStatus.Open : OrderStatus.Completed,
                    String.valueOf(i * 10), "2024-03-01T12:00:00+00:00", SampleOrders.user("U", "N" + i, "u" + i + "@x.com"),
                    "MN", null, "{\"Batch\":" + (i % 3) + "}"));
        }
        Collections.shuffle(orders, new Random(42));
        return orders;
    }

    @Test
    void defaultsArePageOneOfTwenty() {
        ListPage<Order> page = SampleOrders.run("", fortyFive());
        assertThat(page.meta().page()).isEqualTo(1);
        assertThat(page.meta().pageSize()).isEqualTo(20);
        assertThat(page.meta().totalCount()).isEqualTo(45);
        assertThat(page.meta().totalPages()).isEqualTo(3);
        assertThat(page.meta().itemRange()).containsExactly(1, 20);
        assertThat(page.items()).hasSize(20);
        assertThat(page.items().get(0).id()).isEqualTo("O-01");
        assertThat(page.items().get(19).id()).isEqualTo("O-20");
    }

    @Test
    void theLastPartialPageHasTheRightRange() {
        ListPage<Order> page = SampleOrders.run("page=3&pageSize=20", fortyFive());
        assertThat(page.meta().page()).isEqualTo(3);
        assertThat(page.meta().itemRange()).containsExactly(41, 45);
        assertThat(page.meta().totalPages()).isEqualTo(3);
        assertThat(page.items().stream().map(Order::id)).containsExactly("O-41", "O-42", "O-43", "O-44", "O-45");
    }

    @Test
    void aPageBeyondTheEndIsEmptyWithCorrectMeta() throws Exception {
        ListPage<Order> page = SampleOrders.run("page=4&pageSize=20", fortyFive());
        assertThat(page.items()).isEmpty();
        assertThat(OrderCloudJson.mapper().writeValueAsString(page.meta())).isEqualTo(
                "{\"Page\":4,\"PageSize\":20,\"TotalCount\":45,\"TotalPages\":3,\"ItemRange\":[0,0],\"NextPageKey\":null}");
    }

    @Test
    void pagingCountsOnlyMatchingItems() {
        ListPage<Order> page = SampleOrders.run("Status=Open&sortBy=!Total&pageSize=10&page=3", fortyFive());
        assertThat(page.meta().totalCount()).isEqualTo(23);
        assertThat(page.meta().totalPages()).isEqualTo(3);
        assertThat(page.meta().itemRange()).containsExactly(21, 23);
        assertThat(page.items().stream().map(Order::id)).containsExactly("O-05", "O-03", "O-01");
    }

    @Test
    void pageSizeOneHundredReturnsEverything() {
        ListPage<Order> page = SampleOrders.run("pageSize=100", fortyFive());
        assertThat(page.items()).hasSize(45);
        assertThat(page.meta().totalPages()).isEqualTo(1);
        assertThat(page.meta().itemRange()).containsExactly(1, 45);
    }

    @Test
    void anEmptyResultHasZeroPages() {
        ListPage<Order> page = SampleOrders.run("Status=Canceled", fortyFive());
        assertThat(page.meta().totalCount()).isZero();
        assertThat(page.meta().totalPages()).isZero();
        assertThat(page.meta().itemRange()).containsExactly(0, 0);
    }

    @Test
    void lastIdPagingVisitsEveryItemExactlyOnce() {
        List<Order> orders = new ArrayList<>(fortyFive());
        // IDs that differ only in case, and lower/upper mixes, must not be skipped or repeated
        orders.add(SampleOrders.order("case", OrderStatus.Open, "1", null, SampleOrders.user("a", "b", "c@x"), "MN", null, null));
        orders.add(SampleOrders.order("Case", OrderStatus.Open, "1", null, SampleOrders.user("a", "b", "c@x"), "MN", null, null));
        orders.add(SampleOrders.order("o-07b", OrderStatus.Open, "1", null, SampleOrders.user("a", "b", "c@x"), "MN", null, null));
        List<String> seen = new ArrayList<>();
        String lastId = null;
        int requests = 0;
        while (true) {
            String query = "sortBy=ID&pageSize=7" + (lastId == null ? "" : "&ID=>" + lastId);
            List<Order> items = SampleOrders.run(query, orders).items();
            requests++;
            items.forEach(o -> seen.add(o.id()));
            if (items.size() < 7) {
                break;
            }
            lastId = items.get(items.size() - 1).id();
        }
        assertThat(seen).hasSize(48).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(seen)).isEqualTo(new TreeSet<>(orders.stream().map(Order::id).toList()));
        assertThat(requests).isEqualTo(7);
        assertThat(seen.subList(0, 2)).containsExactly("Case", "case");
        assertThat(seen.subList(8, 10)).containsExactly("O-07", "o-07b");
    }

    @Test
    void xpNumbersFilterWithPaging() {
        ListPage<Order> page = SampleOrders.run("xp.Batch=0&pageSize=5&page=2", fortyFive());
        assertThat(page.meta().totalCount()).isEqualTo(15);
        assertThat(page.items().stream().map(Order::id)).containsExactly("O-18", "O-21", "O-24", "O-27", "O-30");
    }
}
