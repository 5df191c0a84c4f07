package io.orderhooks.engine.internal.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.model.LineItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineListTest {

    private static LineItem line(String id, int quantity) {
        return LineItem.builder().id(id).productID("P1").quantity(quantity).build();
    }

    private static LineList appended(int n) {
        LineList l = LineList.copyOf(List.of());
        for (int i = 0; i < n; i++) {
            l = l.plus(line("L" + i, 1));
        }
        return l;
    }

    @Test
    void appendingKeepsEveryEarlierVersionUnchanged() {
        List<LineList> versions = new ArrayList<>();
        LineList l = LineList.copyOf(List.of());
        for (int i = 0; i < 50; i++) {
            versions.add(l);
            l = l.plus(line("L" + i, 1));
        }
        for (int v = 0; v < versions.size(); v++) {
            LineList version = versions.get(v);
            assertThat(version).hasSize(v);
            assertThat(version.find("L" + v)).isEqualTo(-1);
            if (v > 0) {
                assertThat(version.find("L" + (v - 1))).isEqualTo(v - 1);
                assertThat(version.get(v - 1).id()).isEqualTo("L" + (v - 1));
            }
        }
        assertThat(l.find("L49")).isEqualTo(49);
    }

    @Test
    void twoAppendsToOneVersionDivergeWithoutSeeingEachOther() {
        LineList base = appended(3);
        LineList a = base.plus(line("A", 1));
        LineList b = base.plus(line("B", 2));
        assertThat(a.stream().map(LineItem::id)).containsExactly("L0", "L1", "L2", "A");
        assertThat(b.stream().map(LineItem::id)).containsExactly("L0", "L1", "L2", "B");
        assertThat(a.find("B")).isEqualTo(-1);
        assertThat(b.find("A")).isEqualTo(-1);
        assertThat(b.find("B")).isEqualTo(3);
        assertThat(base.plus(line("C", 1)).find("C")).isEqualTo(3);
        assertThat(a.plus(line("D", 1)).stream().map(LineItem::id)).containsExactly("L0", "L1", "L2", "A", "D");
    }

    @Test
    void findsTheFirstOfDuplicateIdsIndexedOrNot() {
        LineList scanned = LineList.copyOf(List.of(line("X", 1), line("Y", 1), line("X", 2)));
        assertThat(scanned.find("X")).isZero();
        LineList indexed = scanned.plus(line("Y", 3));
        assertThat(indexed.find("X")).isZero();
        assertThat(indexed.find("Y")).isEqualTo(1);
        assertThat(indexed.find("Z")).isEqualTo(-1);
    }

    @Test
    void replacingALineCopiesAndLeavesTheOriginalAlone() {
        LineList base = appended(4);
        LineList replaced = base.with(2, line("L2", 9));
        assertThat(replaced.get(2).quantity()).isEqualTo(9);
        assertThat(base.get(2).quantity()).isEqualTo(1);
        assertThat(replaced.find("L2")).isEqualTo(2);
        LineList next = replaced.plus(line("L4", 1));
        assertThat(next.find("L4")).isEqualTo(4);
        assertThat(next.get(2).quantity()).isEqualTo(9);
        assertThat(base.plus(line("Q", 1)).get(2).quantity()).isEqualTo(1);
    }

    @Test
    void equalsAnyListWithTheSameLines() {
        LineList l = appended(3);
        List<LineItem> plain = List.of(line("L0", 1), line("L1", 1), line("L2", 1));
        assertThat(l).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(LineList.copyOf(l)).isSameAs(l);
    }

    @Test
    void isImmutableAndNullFree() {
        LineList l = appended(2);
        assertThatThrownBy(() -> l.add(line("Z", 1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> l.set(0, line("Z", 1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> l.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> l.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> LineList.copyOf(Arrays.asList(line("A", 1), null))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> l.plus(null)).isInstanceOf(NullPointerException.class);
    }
}
