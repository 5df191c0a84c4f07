package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.store.OrderListContract;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which order list queries the database answers alone (count, sort and page in SQL) and which it only narrows. */
class SqlListQueryTest {

    private static final SqlListQuery ORDERS = new SqlListQuery(OrderListSql.COLUMNS, Dialect.POSTGRESQL);

    private static SqlListQuery.Translation translate(String query) {
        return ORDERS.translate(ListQuery.parse(OrderListContract.params(query), OrderListContract.SCHEMA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Status=!Open|Canceled", "ID=*o_*", "Total=!*", "Total=>=100", "DateSubmitted=2024-01-03",
            "FromUserID=U1|u2&sortBy=!DateSubmitted", "search=PO&searchOn=ID", "sortBy=Status,!Total&page=3",
            "ToCompanyID=S1&DateCreated=<2024-01-01T00:00:00.0000001Z"})
    void queriesOnColumnsArePushedDownWhole(String query) {
        assertThat(translate(query).pushedDown()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xp.Color=red", "Total=1*", "DateSubmitted=2024*", "Comments=*wrap*", "search=po"})
    void filtersWithoutAColumnOnlyNarrow(String query) {
        SqlListQuery.Translation t = translate(query + "&Status=Open");
        assertThat(t.exact()).isFalse();
        assertThat(t.where()).isEqualTo("(status IN (?))");
        assertThat(t.params()).containsExactly("Open");
    }

    @Test
    void aSortKeyWithoutAColumnKeepsTheSortInJava() {
        assertThat(translate("sortBy=xp.Color").orderBy()).isNull();
        assertThat(translate("sortBy=!FromUserID").orderBy()).isEqualTo("LOWER(from_user) COLLATE \"C\" DESC NULLS LAST, "
                + "from_user COLLATE \"C\" DESC NULLS LAST, LOWER(id) COLLATE \"C\" ASC NULLS LAST, id COLLATE \"C\" ASC NULLS LAST, seq ASC");
    }

    @Test
    void aNegationAlsoMatchesAbsentValuesAndNumbersCompareAsNumbers() {
        SqlListQuery.Translation t = translate("Total=!100|>=200.5");
        assertThat(t.where()).isEqualTo("(total IS NULL OR NOT (total = ? OR total >= ?))");
        assertThat(t.params()).containsExactly(new BigDecimal("100"), new BigDecimal("200.5"));
    }

    @Test
    void aPlainDateIsItsWholeUtcDayAndBoundsRoundToMicroseconds() {
        assertThat(translate("DateSubmitted=2024-01-03").params()).containsExactly(
                OffsetDateTime.parse("2024-01-03T00:00Z"), OffsetDateTime.parse("2024-01-04T00:00Z"));
        assertThat(translate("DateSubmitted=>=2024-01-03T00:00:00.0000001Z").params())
                .isEqualTo(List.of(OffsetDateTime.parse("2024-01-03T00:00:00.000001Z")));
    }

    @Test
    void wildcardsOfLikeInTheValueAreLiteral() {
        SqlListQuery.Translation t = translate("ID=a%b*");
        assertThat(t.where()).isEqualTo("(LOWER(id) LIKE ? ESCAPE '!')");
        assertThat(t.params()).containsExactly("a!%b%");
    }
}
