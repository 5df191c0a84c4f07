package io.orderhooks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTemplateTest {

    @Test
    void parsesOrderCloudTemplatesAndListsTheirPlaceholders() {
        RouteTemplate t = RouteTemplate.parse("v1/orders/{direction}/{orderID}/submit");

        assertThat(t.paramNames()).containsExactly("direction", "orderID");
        assertThat(t.paramName("ORDERID")).hasValue("orderID");
        assertThat(t.paramName("lineItemID")).isEmpty();
        assertThat(t.template()).isEqualTo("v1/orders/{direction}/{orderID}/submit");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/v1/buyers|must not start with '/'",
        "v1//buyers|has an empty segment",
        "v1/buyers/|has an empty segment",
        "v1/buyers/{buyerID|unbalanced or partial braces",
        "v1/buyers/buyerID}|unbalanced or partial braces",
        "v1/buyers/x{buyerID}|unbalanced or partial braces",
        "v1/buyers/{}|placeholder '{}' must be {name}",
        "v1/buyers/{1buyer}|placeholder '{1buyer}' must be {name}",
        "v1/buyers/{buyer-id}|placeholder '{buyer-id}' must be {name}",
        "v1/buyers/{id}/users/{ID}|placeholder {ID} is used twice",
        "v1/buyers?x=1|characters a route cannot hold",
        "v1/my buyers|characters a route cannot hold"})
    void refusesAMalformedTemplateNamingIt(String template, String fault) {
        assertThatThrownBy(() -> RouteTemplate.parse(template)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed route template '" + template + "': ")
                .hasMessageContaining(fault);
    }

    @Test
    void refusesABlankTemplate() {
        assertThatThrownBy(() -> RouteTemplate.parse(" ")).hasMessage("route template must not be null or blank");
        assertThatThrownBy(() -> RouteTemplate.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesItsOwnTemplateIgnoringCaseAndALeadingSlash() {
        RouteTemplate t = RouteTemplate.parse("v1/orders/{direction}/{orderID}/submit");

        assertThat(t.matchScore("v1/orders/{direction}/{orderID}/submit")).isEqualTo(3);
        assertThat(t.matchScore("/V1/Orders/{Direction}/{OrderId}/Submit")).isEqualTo(3);
        assertThat(t.matchScore("v1/orders/{direction}/{id}/submit")).isEqualTo(-1);
        assertThat(t.matchScore("v1/orders/{direction}/{orderID}/approve")).isEqualTo(-1);
        assertThat(t.matchScore("v1/orders/{direction}/{orderID}")).isEqualTo(-1);
        assertThat(t.matchScore(null)).isEqualTo(-1);
    }

    @Test
    void matchesAConcretePathAndReadsItsValues() {
        RouteTemplate t = RouteTemplate.parse("v1/orders/{direction}/{orderID}/submit");

        assertThat(t.matchScore("v1/orders/Incoming/o-1/submit")).isEqualTo(3);
        assertThat(t.valuesIn("v1/orders/Incoming/o-1/submit")).isEqualTo(Map.of("direction", "Incoming", "orderID", "o-1"));
        assertThat(t.valuesIn("v1/orders/{direction}/{orderID}/submit")).isEmpty();
    }

    @Test
    void comparesShapesNotSpelling() {
        RouteTemplate a = RouteTemplate.parse("v1/buyers/{buyerID}");

        assertThat(a.sameAs(RouteTemplate.parse("V1/Buyers/{BuyerId}"))).isTrue();
        assertThat(a.sameAs(RouteTemplate.parse("v1/buyers/{id}"))).isFalse();
        assertThat(a.sameAs(RouteTemplate.parse("v1/{x}/{buyerID}"))).isFalse();
    }
}
