package io.orderhooks.engine.spi;

import io.orderhooks.core.model.CheckoutEventType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.CheckoutResponse;
import io.orderhooks.core.model.OrderApprovedResponse;
import io.orderhooks.core.model.OrderReturnCalculateResponse;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderSubmitForApprovalResponse;
import io.orderhooks.core.model.OrderSubmitResponse;
import io.orderhooks.core.model.ShipEstimateResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a checkout delivery's {@link DeliveryOutcome} into the typed response the engine stores in the
 * worksheet, with the fields OrderCloud adds ({@code HttpStatusCode}, {@code UnhandledErrorBody},
 * {@code Succeeded}) filled in. The rules:
 *
 * <ul>
 *   <li>2xx with a JSON object body (an empty body counts as {@code {}}): the parsed answer,
 *       {@code Succeeded=true}, {@code HttpStatusCode} the status, {@code UnhandledErrorBody=null}.
 *   <li>2xx whose body is not a JSON object of the event's response type: {@code Succeeded=false}, the
 *       status, and {@code UnhandledErrorBody} naming the parse error ("Malformed JSON in the response to
 *       /ordercalculate: ..."); nothing of the body is applied.
 *   <li>Any other status ({@link DeliveryOutcome.Rejected}): {@code Succeeded=false}, the status, and the
 *       receiver's body as {@code UnhandledErrorBody}.
 *   <li>No answer (time-out, unreachable, circuit open): {@code Succeeded=false},
 *       {@code HttpStatusCode=null}, and {@link DeliveryOutcome#describe()} as {@code UnhandledErrorBody}.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class CheckoutResponses {

    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    /**
     * The mapper for middleware answers: {@link OrderCloudJson#mapper()}'s configuration and limits, with field names
     * not canonicalized. An answer's {@code xp} may use IDs as names (the tax adapter's {@code xp.Tax.LineTaxes} has
     * one per line item): a canonicalizing parser adds every new name to the mapper's shared symbol table, copying
     * the table on each such parse and emptying it once it holds 6,000 names, and interns each name.
     */
    private static final ObjectMapper ANSWERS = answersMapper();

    /**
     * The answer {@link #problem} last parsed on this thread, with its body array, so {@link #record} of the same
     * delivery (a sender checks the answer, then the engine records it, on one thread) does not parse the same bytes
     * again. Matched by the array's identity; {@link #record} empties the slot, and the next check replaces it, so a
     * thread holds at most one answer. A thread-local slot, not a shared map: no lock on the checkout path.
     */
    private static final ThreadLocal<Checked> CHECKED = new ThreadLocal<>();

    /** A checked answer and the body it was parsed from. */
    private record Checked(byte[] body, CheckoutResponse parsed) {}

    private CheckoutResponses() {}

    /** The response class for {@code type} ({@link ShipEstimateResponse} for shipping rates, ...). */
    public static Class<? extends CheckoutResponse> responseType(CheckoutEventType type) {
        switch (type) {
            case SHIPPING_RATES: return ShipEstimateResponse.class;
            case ORDER_CALCULATE: return OrderCalculateResponse.class;
            case ORDER_SUBMIT: return OrderSubmitResponse.class;
            case ORDER_SUBMIT_FOR_APPROVAL: return OrderSubmitForApprovalResponse.class;
            case ORDER_RETURN_CALCULATE: return OrderReturnCalculateResponse.class;
            default: return OrderApprovedResponse.class;
        }
    }

    /** The worksheet entry for {@code outcome}; never null. The result is an instance of {@link #responseType}. */
    public static CheckoutResponse record(CheckoutEventType type, DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Delivered delivered) {
            try {
                CheckoutResponse checked = checkedHere(delivered.body());
                CheckoutResponse parsed = checked != null && checked.getClass() == responseType(type) ? checked
                        : parse(type, delivered.body());
                return withStatus(type, parsed, delivered.status(), null, true);
            } catch (IOException e) {
                return failed(type, delivered.status(), malformed(type, e));
            }
        }
        if (outcome instanceof DeliveryOutcome.Rejected rejected) {
            return failed(type, rejected.status(), rejected.bodyText());
        }
        return failed(type, null, outcome.describe());
    }

    /**
     * Why a 2xx {@code body} is not a usable answer to {@code type}, or empty when it is. Senders use this
     * to record an unusable answer as a failed delivery.
     */
    public static Optional<String> problem(CheckoutEventType type, byte[] body) {
        try {
            CheckoutResponse parsed = parse(type, body);
            if (body != null) {
                CHECKED.set(new Checked(body, parsed));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(malformed(type, e));
        }
    }

    /** The answer {@link #problem} parsed from this very {@code body} on this thread, or null; empties the slot. */
    private static CheckoutResponse checkedHere(byte[] body) {
        Checked checked = CHECKED.get();
        if (checked == null) {
            return null;
        }
        CHECKED.remove();
        return checked.body() == body ? checked.parsed() : null;
    }

    @SuppressWarnings("deprecation") // JsonFactory.disable(Feature): the factory is this new mapper's own
    private static ObjectMapper answersMapper() {
        ObjectMapper mapper = OrderCloudJson.newMapper();
        mapper.getFactory().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES);
        return mapper;
    }

    /** One pass from the bytes to the typed answer; the first token must open an object. */
    private static CheckoutResponse parse(CheckoutEventType type, byte[] body) throws IOException {
        try (JsonParser parser = ANSWERS.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return ANSWERS.readValue(EMPTY_OBJECT, responseType(type));
            }
            if (first != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object, got " + tokenKind(first));
            }
            return ANSWERS.readValue(parser, responseType(type));
        }
    }

    /** How {@code token} names the value it starts, as a tree's node type would. */
    private static String tokenKind(JsonToken token) {
        switch (token) {
            case START_ARRAY: return "array";
            case VALUE_STRING: return "string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "boolean";
            case VALUE_NULL: return "null";
            default: return token.asString() == null ? token.name().toLowerCase(Locale.ROOT) : token.asString();
        }
    }

    private static String malformed(CheckoutEventType type, IOException e) {
        String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        String where = "";
        if (e instanceof JsonProcessingException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
            where = " at line " + j.getLocation().getLineNr() + " column " + j.getLocation().getColumnNr();
        }
        return "Malformed JSON in the response to /" + type.suffix() + where + ": " + detail;
    }

    private static CheckoutResponse failed(CheckoutEventType type, Integer status, String unhandledErrorBody) {
        return withStatus(type, null, status, unhandledErrorBody, false);
    }

    private static CheckoutResponse withStatus(CheckoutEventType type, CheckoutResponse parsed, Integer status,
            String errorBody, boolean succeeded) {
        JsonNode xp = parsed == null ? null : parsed.xp();
        switch (type) {
            case SHIPPING_RATES: {
                ShipEstimateResponse p = (ShipEstimateResponse) parsed;
                return new ShipEstimateResponse(p == null ? null : p.shipEstimates(), status, errorBody, xp, succeeded);
            }
            case ORDER_CALCULATE: {
                OrderCalculateResponse p = (OrderCalculateResponse) parsed;
                OrderCalculateResponse.Builder b = p == null ? OrderCalculateResponse.builder() : p.toBuilder();
                return b.httpStatusCode(status).unhandledErrorBody(errorBody).xp(xp).succeeded(succeeded).build();
            }
            case ORDER_SUBMIT:
                return new OrderSubmitResponse(status, errorBody, xp, succeeded);
            case ORDER_SUBMIT_FOR_APPROVAL:
                return new OrderSubmitForApprovalResponse(status, errorBody, xp, succeeded);
            case ORDER_RETURN_CALCULATE: {
                OrderReturnCalculateResponse p = (OrderReturnCalculateResponse) parsed;
                return new OrderReturnCalculateResponse(p == null ? null : p.refundAmount(),
                        p == null ? null : p.itemsToReturnCalcs(), status, errorBody, xp, succeeded);
            }
            default:
                return new OrderApprovedResponse(status, errorBody, xp, succeeded);
        }
    }
}
