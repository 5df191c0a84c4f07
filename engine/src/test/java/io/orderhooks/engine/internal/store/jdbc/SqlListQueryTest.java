package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.internal.ValueKind;
import io.orderhooks.engine.internal.store.OrderListContract;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import io.orderhooks.engine.internal.store.OrderListScope;
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
                + "from_user COLLATE \"C\" DESC NULLS LAST, id_lower COLLATE \"C\" ASC, id COLLATE \"C\" ASC");
    }

    @Test
    void xpFiltersAreDecidedInJsonbOnPostgresqlExceptForRowsSqlCannotDecide() {
        ListQuery q = parse("xp.Color=red|*ee*&xp.Size=>2");
        SqlListQuery.Translation pg = new SqlListQuery(OrderListSql.COLUMNS, Dialect.POSTGRESQL, true).translate(q);
        assertThat(pg.exact()).isTrue();
        assertThat(pg.undecided()).contains("xp IS NULL", "= 'array'", "= 'number'", "= 'boolean'");
        assertThat(pg.params()).containsExactly("red", "%ee%", new BigDecimal("2"), "2", "2", "2");
        SqlListQuery.Translation h2 = new SqlListQuery(OrderListSql.COLUMNS, Dialect.H2).translate(q);
        assertThat(h2.exact()).isFalse();
        assertThat(h2.undecided()).isNull();
        assertThat(new SqlListQuery(OrderListSql.COLUMNS, Dialect.POSTGRESQL, true).translate(parse("xp.Day=>2024-01-01")).exact())
                .as("date-like operands compare as instants: Java").isFalse();
    }

    @Test
    void anXpPathIsQuotedAsDataWhateverItsText() {
        assertThat(XpSql.pathLiteral(new String[] {"a'b", "c\\\"d", "{e,f}"}))
                .isEqualTo("E'{\"a\\'b\",\"c\\\\\\\\\\\\\"d\",\"{e,f}\"}'");
    }

    @Test
    void anIdSortReadsTheLowerCasedColumnInEitherDirectionAndEndsTheOrder() {
        assertThat(translate("sortBy=!ID,Total").orderBy()).isEqualTo("id_lower COLLATE \"C\" DESC, id COLLATE \"C\" DESC");
    }

    @Test
    void aPageIsChosenFromTheColumnsItsOrderReads() {
        assertThat(translate("Status=Open&sortBy=!Total").sortColumns()).containsExactly("total", "id", "id_lower");
        assertThat(translate("sortBy=FromUserID,!ID").sortColumns()).containsExactly("from_user", "id", "id_lower");
        SqlListQuery noUniqueKey = new SqlListQuery(java.util.Map.of("Total", SqlColumn.of("total", ValueKind.NUMBER),
                "ID", SqlColumn.of("id", ValueKind.STRING)), Dialect.H2);
        assertThat(noUniqueKey.translate(parse("sortBy=!Total")).sortColumns())
                .as("a sort without a unique key ends with creation order").containsExactly("total", "id", "seq");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"'';Open,Completed,Unsubmitted,Canceled,AwaitingApproval,Declined,''",
            "Status=open|Completed;Open,Completed", "Status=!Open;Completed,Unsubmitted,Canceled,AwaitingApproval,Declined,''",
            "Status=Op*&Status=!Completed;Open"})
    void aCompanySideFilteredByStatusOnlyIsCountedFromTheCountsTable(String query, String statuses) {
        for (OrderListScope.Side s : OrderListScope.Side.values()) {
            OrderListScope side = new OrderListScope("seller", s, OrderListScope.DateField.CREATED, null, null);
            assertThat(OrderListSql.countedStatuses(side, parse(query))).as(s.name())
                    .containsExactlyInAnyOrder(statuses.replace("''", "").split(",", -1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Status=Open&Total=>1", "search=x&searchOn=ID", "ID=po*"})
    void otherConditionsAreCountedByTheDatabase(String query) {
        OrderListScope side = new OrderListScope("seller", OrderListScope.Side.TO, OrderListScope.DateField.CREATED, null, null);
        assertThat(OrderListSql.countedStatuses(side, parse(query))).isNull();
        OrderListScope dated = new OrderListScope("seller", OrderListScope.Side.FROM, OrderListScope.DateField.CREATED,
                OffsetDateTime.parse("2024-01-01T00:00Z"), null);
        assertThat(OrderListSql.countedStatuses(dated, parse(""))).isNull();
    }

    private static ListQuery parse(String query) {
        return ListQuery.parse(OrderListContract.params(query), OrderListContract.SCHEMA);
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
        assertThat(t.where()).isEqualTo("(id_lower LIKE ? ESCAPE '!')");
        assertThat(t.params()).containsExactly("a!%b%");
    }
}
