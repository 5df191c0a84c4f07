package io.orderhooks.events.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.ApiError;
import io.orderhooks.core.model.CheckoutPayload;
import io.orderhooks.core.model.ErrorResponse;
import io.orderhooks.core.model.OrderApprovedResponse;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderSubmitForApprovalResponse;
import io.orderhooks.core.model.OrderSubmitResponse;
import io.orderhooks.core.model.OrderReturn;
import io.orderhooks.core.model.OrderReturnCalculateResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.core.model.CheckoutEventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Calls a dispatcher in memory the way OrderCloud calls it over HTTP (signed JSON bytes), and reads typed
 * answers back. A non-2xx answer is thrown as {@link ErrorAnswer} with its status and errors. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * var client = TestDispatcherClient.of(dispatcher, "hash-key");
 * OrderCalculateResponse answer = client.calculate(Worksheets.order("o1").line("SHIRT", 2, "12.00").build());
 * }</pre>
 */
public final class TestDispatcherClient {

    private final RawHandler dispatcher;
    private final String hashKey;
    private final Object configData;

    private TestDispatcherClient(RawHandler dispatcher, String hashKey, Object configData) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.hashKey = Objects.requireNonNull(hashKey, "hashKey");
        this.configData = configData;
    }

    /** A client signing every request with {@code hashKey}. */
    public static TestDispatcherClient of(RawHandler dispatcher, String hashKey) {
        return new TestDispatcherClient(dispatcher, hashKey, JsonNodeFactory.instance.objectNode());
    }

    /** A copy sending {@code configData} (any object Jackson can write) as {@code ConfigData}. */
    public TestDispatcherClient withConfigData(Object configData) {
        return new TestDispatcherClient(dispatcher, hashKey, configData);
    }

    public ShipEstimateResponse shippingRates(OrderWorksheet worksheet) {
        return call(CheckoutEventType.SHIPPING_RATES, worksheet, ShipEstimateResponse.class);
    }

    public OrderCalculateResponse calculate(OrderWorksheet worksheet) {
        return call(CheckoutEventType.ORDER_CALCULATE, worksheet, OrderCalculateResponse.class);
    }

    public OrderSubmitResponse submit(OrderWorksheet worksheet) {
        return call(CheckoutEventType.ORDER_SUBMIT, worksheet, OrderSubmitResponse.class);
    }

    public OrderSubmitForApprovalResponse submitForApproval(OrderWorksheet worksheet) {
        return call(CheckoutEventType.ORDER_SUBMIT_FOR_APPROVAL, worksheet, OrderSubmitForApprovalResponse.class);
    }

    public OrderApprovedResponse approved(OrderWorksheet worksheet) {
        return call(CheckoutEventType.ORDER_APPROVED, worksheet, OrderApprovedResponse.class);
    }

    /** Sends {@code /calculateorderreturn} for {@code orderReturn} of the order in {@code worksheet}. */
    public OrderReturnCalculateResponse orderReturnCalculate(OrderWorksheet worksheet, OrderReturn orderReturn) {
        CheckoutPayload payload = CheckoutRequests.returnPayload(worksheet, orderReturn, configData);
        RawResponse response = dispatcher.handle(CheckoutRequests.signed(CheckoutEventType.ORDER_RETURN_CALCULATE, payload, hashKey));
        if (response.status() < 200 || response.status() >= 300) {
            throw new ErrorAnswer(response);
        }
        return read(response, OrderReturnCalculateResponse.class);
    }

    /** The raw answer to a signed delivery of {@code worksheet} to {@code event}, whatever its status. */
    public RawResponse send(CheckoutEventType event, OrderWorksheet worksheet) {
        CheckoutPayload payload = CheckoutRequests.payload(worksheet, configData);
        return dispatcher.handle(CheckoutRequests.signed(event, payload, hashKey));
    }

    /** The raw answer to any request. */
    public RawResponse send(RawRequest request) {
        return dispatcher.handle(request);
    }

    private <T> T call(CheckoutEventType event, OrderWorksheet worksheet, Class<T> type) {
        RawResponse response = send(event, worksheet);
        if (response.status() < 200 || response.status() >= 300) {
            throw new ErrorAnswer(response);
        }
        return read(response, type);
    }

    private static <T> T read(RawResponse response, Class<T> type) {
        try {
            return OrderCloudJson.mapper().readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("answer is not a " + type.getSimpleName() + ": " + response.bodyText(), e);
        }
    }

    /** A non-2xx answer, with OrderCloud's error body. */
    public static final class ErrorAnswer extends RuntimeException {

        private final RawResponse response;
        private final ErrorResponse errors;

        ErrorAnswer(RawResponse response) {
            super(response.status() + " " + response.bodyText());
            this.response = response;
            this.errors = read(response, ErrorResponse.class);
        }

        public int status() {
            return response.status();
        }

        public ErrorResponse errors() {
            return errors;
        }

        /** The first error. */
        public ApiError error() {
            return errors.errors().get(0);
        }

        public String errorCode() {
            return error().errorCode();
        }

        public RawResponse response() {
            return response;
        }
    }
}
