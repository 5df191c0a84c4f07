package io.orderhooks.engine.internal.query;

import static io.orderhooks.engine.internal.query.SampleOrders.ORDERS;
import static io.orderhooks.engine.internal.query.SampleOrders.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListQueryErrorsTest {

    static OrderCloudException errorOf(String query) {
        return catchThrowableOfType(OrderCloudException.class, () -> ListQuery.parse(params(query), ORDERS));
    }

    static void assertError(String query, String code, String message, String property) {
        OrderCloudException e = errorOf(query);
        assertThat(e).as(query).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.data().get("Property").asText()).isEqualTo(property);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "101", "abc", "2.5", "99999999999"})
    void rejectsAPageSizeOutsideOneToOneHundred(String size) {
        assertError("pageSize=" + size, "List.InvalidPageSize",
                "pageSize must be a whole number from 1 to 100, got '" + size + "'.", "pageSize");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "x"})
    void rejectsAPageBelowOne(String page) {
        assertError("page=" + page, "List.InvalidPageSize", "page must be a whole number of 1 or more, got '" + page + "'.",
                "page");
    }

    @Test
    void rejectsAnUnknownFilterProperty() {
        assertError("Colour=Red", "List.InvalidProperty", "Cannot filter on 'Colour': Order has no such property.", "Colour");
        assertError("FromUser.Nickname=x", "List.InvalidProperty",
                "Cannot filter on 'FromUser.Nickname': Order has no such property.", "FromUser.Nickname");
        assertError("Total.Amount=1", "List.InvalidProperty", "Cannot filter on 'Total.Amount': Order has no such property.",
                "Total.Amount");
    }

    @Test
    void hidesWriteOnlyPasswordsFromFilters() {
        assertError("FromUser.Password=secret*", "List.InvalidProperty",
                "Cannot filter on 'FromUser.Password': Order has no such property.", "FromUser.Password");
    }

    @Test
    void rejectsAnUnknownSearchProperty() {
        assertError("search=x&searchOn=Name,ID", "List.InvalidSearchProperty",
                "Cannot search on 'Name' (searchOn): Order has no such property.", "Name");
        assertError("search=x&searchOn=FromUser", "List.InvalidSearchProperty",
                "Cannot search on 'FromUser' (searchOn): Order has no such property.", "FromUser");
    }

    @Test
    void rejectsAnUnknownOrUnsortableSortProperty() {
        assertError("sortBy=ID,!Colour", "List.InvalidSortProperty", "Cannot sort on 'Colour' (sortBy): no such property.",
                "Colour");
        assertError("sortBy=FromUser", "List.InvalidSortProperty",
                "Cannot sort on 'FromUser' (sortBy): FromUser is an object; sort on one of its single-valued properties.",
                "FromUser");
    }

    @Test
    void rejectsAValueThatDoesNotFitThePropertyType() {
        assertError("Total=>abc", "List.InvalidType", "Invalid value '>abc' for filter 'Total': Total is a number, and 'abc' is not.",
                "Total");
        assertError("Total=10|ten", "List.InvalidType", "Invalid value '10|ten' for filter 'Total': Total is a number, and 'ten' is not.",
                "Total");
        assertError("DateSubmitted=>yesterday", "List.InvalidType", "Invalid value '>yesterday' for filter 'DateSubmitted': "
                + "DateSubmitted is a date, and 'yesterday' is not an ISO-8601 date (e.g. 2024-01-31 or 2024-01-31T09:30:00-05:00).",
                "DateSubmitted");
        assertError("DateSubmitted=2024-13-45", "List.InvalidType", "Invalid value '2024-13-45' for filter 'DateSubmitted': "
                + "DateSubmitted is a date, and '2024-13-45' is not an ISO-8601 date (e.g. 2024-01-31 or 2024-01-31T09:30:00-05:00).",
                "DateSubmitted");
        assertError("IsSubmitted=yes", "List.InvalidType", "Invalid value 'yes' for filter 'IsSubmitted': "
                + "IsSubmitted is true/false, and 'yes' is not.", "IsSubmitted");
        assertError("IsSubmitted=>true", "List.InvalidType", "Invalid value '>true' for filter 'IsSubmitted': "
                + "IsSubmitted is true/false and cannot be compared with >.", "IsSubmitted");
        assertError("FromUser=john", "List.InvalidType", "Invalid value 'john' for filter 'FromUser': FromUser is an object: "
                + "filter one of its properties (e.g. FromUser.ID), or use * (present) or !* (absent).", "FromUser");
    }

    @Test
    void wildcardsAreAcceptedOnTypedProperties() {
        assertThat(errorOf("Total=1*")).isNull();
        assertThat(errorOf("DateSubmitted=2024-01*")).isNull();
        assertThat(errorOf("xp.Anything=>abc")).isNull();
    }

    @Test
    void errorsRenderInOrderCloudsShape() throws Exception {
        String json = OrderCloudJson.mapper().writeValueAsString(errorOf("Colour=Red").toResponse());
        assertThat(json).isEqualTo("{\"Errors\":[{\"ErrorCode\":\"List.InvalidProperty\","
                + "\"Message\":\"Cannot filter on 'Colour': Order has no such property.\",\"Data\":{\"Property\":\"Colour\"}}]}");
    }

    @Test
    void anUnreservedResourceParameterIsAnUnknownProperty() {
        assertThat(errorOf("depth=all")).isNull();
        assertThat(errorOf("catalogID=c1").errorCode()).isEqualTo("List.InvalidProperty");
    }

    @Test
    void schemaDefaultsAreCheckedWhenBuilt() {
        assertThatThrownBy(() -> QuerySchema.forType(io.orderhooks.core.model.Order.class).defaultSearchOn("Name").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("defaultSearchOn: Order has no searchable property 'Name'");
        assertThatThrownBy(() -> QuerySchema.forType(io.orderhooks.core.model.Order.class).defaultSortBy("!Nope").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("defaultSortBy '!Nope': Cannot sort on 'Nope' (sortBy): no such property.");
        assertThatThrownBy(() -> QuerySchema.forType(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wireType must be a record or bean type, was java.lang.String");
    }
}
