package io.orderhooks.engine.internal.query;

import static io.orderhooks.engine.internal.query.SampleOrders.ids;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Filters over {@link SampleOrders#all()}:
 * <pre>
 * ID      Status            Total   DateSubmitted              User          State xp
 * PO-001  Open              99.5    2024-01-05T10:00+00:00     John Smith    MN    Tigers/Coach Ann, Red, Billed true, Priority 3, Tags [rush,gift]
 * PO-002  Completed         100     2024-01-15T23:30-05:00     Jane Johnson  WI    Lions, Blue, Billed false, Priority 10
 * PO-003  Canceled          1000    2024-02-01T00:00+00:00     Bob Smithers  MN    red, Priority "high"
 * PO-004  Unsubmitted       12.25   -                          John Doe      CA    {}          Comments "needs *gift* wrap | fragile"
 * PO-005  Open              250.00  2024-01-31T23:59:59+00:00  Ann Ohara     MN    Tigers, Green, Billed null
 * PO-006  AwaitingApproval  0       2024-01-01T00:00+02:00     Carl John     TX    (no xp)     Comments "!important"
 * </pre>
 */
class ListQueryFilterTest {

    @Test
    void equalityMatchesIgnoringCase() {
        assertThat(ids("Status=Open")).containsExactly("PO-001", "PO-005");
        assertThat(ids("Status=open")).containsExactly("PO-001", "PO-005");
        assertThat(ids("xp.Color=red")).containsExactly("PO-001", "PO-003");
    }

    @Test
    void pipeMeansAnyOf() {
        assertThat(ids("Status=Open|Completed")).containsExactly("PO-001", "PO-002", "PO-005");
    }

    @Test
    void leadingBangNegatesTheWholeValue() {
        assertThat(ids("Status=!Canceled")).containsExactly("PO-001", "PO-002", "PO-004", "PO-005", "PO-006");
        assertThat(ids("Status=!Canceled|Open")).containsExactly("PO-002", "PO-004", "PO-006");
        assertThat(ids("Status=!Canceled|!Open")).containsExactly("PO-002", "PO-004", "PO-006");
    }

    @Test
    void bangOnALaterAlternativeNegatesOnlyThatAlternative() {
        assertThat(ids("Status=Open|!Canceled")).containsExactly("PO-001", "PO-002", "PO-004", "PO-005", "PO-006");
        assertThat(ids("Status=Canceled|!Open")).containsExactly("PO-002", "PO-003", "PO-004", "PO-006");
    }

    @Test
    void negationIncludesItemsWithoutTheValue() {
        assertThat(ids("Comments=!needs*")).containsExactly("PO-001", "PO-002", "PO-003", "PO-005", "PO-006");
        assertThat(ids("Comments=!\\!important")).containsExactly("PO-001", "PO-002", "PO-003", "PO-004", "PO-005");
        assertThat(ids("xp.Color=!red")).containsExactly("PO-002", "PO-004", "PO-005", "PO-006");
    }

    @Test
    void numbersCompareNumericallyNotAsText() {
        assertThat(ids("Total=>100")).containsExactly("PO-003", "PO-005");
        assertThat(ids("Total=>=100")).containsExactly("PO-002", "PO-003", "PO-005");
        assertThat(ids("Total=<100")).containsExactly("PO-001", "PO-004", "PO-006");
        assertThat(ids("Total=<=12.25")).containsExactly("PO-004", "PO-006");
        assertThat(ids("Total=100.00")).containsExactly("PO-002");
        assertThat(ids("Total=250")).containsExactly("PO-005");
        assertThat(ids("LineItemCount=>4")).containsExactly("PO-005", "PO-006");
    }

    @Test
    void negatedComparisonFormsAnInclusiveBound() {
        assertThat(ids("Total=!<100")).containsExactly("PO-002", "PO-003", "PO-005");
        assertThat(ids("Total=!<12.25&Total=!>250")).containsExactly("PO-001", "PO-002", "PO-004", "PO-005");
    }

    @Test
    void repeatedParametersAreAndedIntoARange() {
        assertThat(ids("DateSubmitted=>2024-01-01&DateSubmitted=<2024-02-01"))
                .containsExactly("PO-001", "PO-002", "PO-005");
        assertThat(ids("Total=>=12.25&Total=<=100")).containsExactly("PO-001", "PO-002", "PO-004");
    }

    @Test
    void datesCompareChronologicallyAcrossOffsets() {
        // PO-006 was submitted at 2024-01-01T00:00+02:00 = 2023-12-31T22:00Z
        assertThat(ids("DateSubmitted=<2024-01-01T00:00:00+00:00")).containsExactly("PO-006");
        assertThat(ids("DateSubmitted=<2024-01-01")).containsExactly("PO-006");
        // PO-002: 2024-01-15T23:30-05:00 = 2024-01-16T04:30Z
        assertThat(ids("DateSubmitted=>=2024-01-15T23:30:00-05:00")).containsExactly("PO-002", "PO-003", "PO-005");
        assertThat(ids("DateSubmitted=>2024-01-16T04:30:00Z")).containsExactly("PO-003", "PO-005");
        assertThat(ids("DateSubmitted=2024-01-16T04:30:00+00:00")).containsExactly("PO-002");
    }

    @Test
    void aPlainDateEqualsTheWholeUtcDay() {
        assertThat(ids("DateSubmitted=2024-01-16")).containsExactly("PO-002");
        assertThat(ids("DateSubmitted=2024-01-15")).isEmpty();
        assertThat(ids("DateSubmitted=2024-01-31")).containsExactly("PO-005");
    }

    @Test
    void starAloneMeansPresentAndBangStarMeansAbsent() {
        assertThat(ids("DateSubmitted=!*")).containsExactly("PO-004");
        assertThat(ids("DateSubmitted=*")).containsExactly("PO-001", "PO-002", "PO-003", "PO-005", "PO-006");
        assertThat(ids("xp.Billed=!*")).containsExactly("PO-003", "PO-004", "PO-005", "PO-006");
        assertThat(ids("xp.Billed=*")).containsExactly("PO-001", "PO-002");
        assertThat(ids("xp.MoreInfo=*")).containsExactly("PO-001", "PO-002", "PO-005");
        assertThat(ids("FromUser=*")).hasSize(6);
        assertThat(ids("Comments=!*")).containsExactly("PO-001", "PO-002", "PO-003", "PO-005");
    }

    @Test
    void wildcardsMatchAtStartMiddleAndEnd() {
        assertThat(ids("FromUser.LastName=*Smith")).containsExactly("PO-001");
        assertThat(ids("FromUser.LastName=Smith*")).containsExactly("PO-001", "PO-003");
        assertThat(ids("FromUser.LastName=*oh*")).containsExactly("PO-002", "PO-005", "PO-006");
        assertThat(ids("FromUser.FirstName=J*n")).containsExactly("PO-001", "PO-004");
        assertThat(ids("FromUser.Email=j*@acme.com")).containsExactly("PO-001", "PO-002", "PO-004");
        assertThat(ids("FromUser.Email=*@*.org")).containsExactly("PO-003");
        assertThat(ids("Total=1*")).containsExactly("PO-002", "PO-003", "PO-004");
    }

    @Test
    void xpPathsWorkAtAnyDepthAndMissingValuesDoNotMatch() {
        assertThat(ids("xp.MoreInfo.TeamName=Tigers")).containsExactly("PO-001", "PO-005");
        assertThat(ids("xp.MoreInfo.Coach.Name=ann")).containsExactly("PO-001");
        assertThat(ids("xp.No.Such.Path=x")).isEmpty();
        assertThat(ids("xp.MoreInfo=Tigers")).isEmpty();
    }

    @Test
    void xpArraysMatchWhenAnyElementMatches() {
        assertThat(ids("xp.Tags=gift")).containsExactly("PO-001");
        assertThat(ids("xp.Tags=ru*")).containsExactly("PO-001");
        assertThat(ids("xp.Tags=!gift")).containsExactly("PO-002", "PO-003", "PO-004", "PO-005", "PO-006");
    }

    @Test
    void xpValuesCompareByTheirJsonType() {
        // 3 and 10 are numbers; "high" is a string and compares as text ("high" > "5")
        assertThat(ids("xp.Priority=>5")).containsExactly("PO-002", "PO-003");
        assertThat(ids("xp.Priority=<5")).containsExactly("PO-001");
        assertThat(ids("xp.Priority=10")).containsExactly("PO-002");
    }

    @Test
    void nestedObjectPathsFollowTheRecords() {
        assertThat(ids("BillingAddress.State=MN")).containsExactly("PO-001", "PO-003", "PO-005");
        assertThat(ids("FromUser.Email=bob@other.org")).containsExactly("PO-003");
        assertThat(ids("fromuser.email=BOB@other.org")).containsExactly("PO-003");
    }

    @Test
    void booleansMatchJsonBooleans() {
        assertThat(ids("xp.Billed=true")).containsExactly("PO-001");
        assertThat(ids("xp.Billed=false")).containsExactly("PO-002");
        assertThat(ids("IsSubmitted=false")).containsExactly("PO-004");
        assertThat(ids("IsSubmitted=TRUE")).hasSize(5);
    }

    @Test
    void stringsCompareLexicographicallyIgnoringCase() {
        assertThat(ids("ID=>PO-003")).containsExactly("PO-004", "PO-005", "PO-006");
        assertThat(ids("ID=>po-003")).containsExactly("PO-004", "PO-005", "PO-006");
        assertThat(ids("Status=<C")).containsExactly("PO-006");
        assertThat(ids("FromUser.LastName=>=S")).containsExactly("PO-001", "PO-003");
    }

    @Test
    void backslashEscapesWildcardPipeAndBang() {
        assertThat(ids("Comments=*\\*gift\\**")).containsExactly("PO-004");
        assertThat(ids("Comments=*\\|*")).containsExactly("PO-004");
        assertThat(ids("Comments=\\!important")).containsExactly("PO-006");
        assertThat(ids("Comments=needs \\*gift\\* wrap \\| fragile")).containsExactly("PO-004");
        assertThat(ids("Comments=\\*")).isEmpty();
    }

    @Test
    void xpDateStringsCompareChronologicallyButTopLevelTextDoesNot() {
        java.util.List<io.orderhooks.core.model.Order> orders = java.util.List.of(
                SampleOrders.order("2024-01-02", io.orderhooks.core.model.OrderStatus.Open, "1", null,
                        SampleOrders.user("A", "B", "a@b"), "MN", null, "{\"ShipBy\":\"2024-01-02T01:00:00+05:00\"}"),
                SampleOrders.order("2024-01-01", io.orderhooks.core.model.OrderStatus.Open, "1", null,
                        SampleOrders.user("A", "B", "a@b"), "MN", null, "{\"ShipBy\":\"2024-01-01T23:00:00-05:00\"}"));
        // 2024-01-02T01:00+05:00 = 2024-01-01T20:00Z; 2024-01-01T23:00-05:00 = 2024-01-02T04:00Z
        assertThat(SampleOrders.run("xp.ShipBy=>2024-01-02T00:00:00Z", orders).items().stream().map(o -> o.id()))
                .containsExactly("2024-01-01");
        assertThat(SampleOrders.run("ID=>2024-01-01T23:00:00-05:00", orders).items().stream().map(o -> o.id()))
                .containsExactly("2024-01-02");
    }

    @Test
    void escapedComparisonPrefixesAreLiteral() {
        assertThat(ids("Comments=\\>x")).isEmpty();
        assertThat(ids("xp.Color=\\<red|Blue")).containsExactly("PO-002");
    }

    @Test
    void filtersOnDifferentPropertiesAreAnded() {
        assertThat(ids("Status=Open&BillingAddress.State=MN&Total=>100")).containsExactly("PO-005");
        assertThat(ids("Status=Open&xp.Color=green|red")).containsExactly("PO-001", "PO-005");
    }

    @Test
    void reservedParametersAreNotFilters() {
        assertThat(ids("depth=all&Status=Open&page=1&pageSize=20&sortBy=ID")).containsExactly("PO-001", "PO-005");
    }
}
