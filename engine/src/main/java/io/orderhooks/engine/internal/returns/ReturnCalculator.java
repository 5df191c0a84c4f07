package io.orderhooks.engine.internal.returns;

import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.model.CheckoutPayload;
import io.orderhooks.core.model.OrderReturn;
import io.orderhooks.core.model.OrderReturnCalculateResponse;
import io.orderhooks.core.model.OrderReturnItem;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.checkout.CheckoutInvoker;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.engine.spi.CheckoutResponses;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls the {@code OrderReturn} integration event ({@code {CustomImplementationUrl}/calculateorderreturn}) through
 * the engine's {@code CheckoutIntegration} port, so it is signed, bounded, retried and logged exactly like
 * {@code /ordercalculate}. The body is {@code {ConfigData, Environment, OrderCloudAccessToken, OrderWorksheet,
 * OrderReturn}}; the idempotency key is {@code returnID/calculateorderreturn/revision}. Must be called outside any
 * order lock. Thread-safe.
 */
final class ReturnCalculator {

    /** The recorded answer, whether it succeeded, and the items repriced by it (null unless it succeeded). */
    record Result(OrderReturnCalculateResponse response, CheckoutInvoker.Result<OrderReturnCalculateResponse> raw,
            List<OrderReturnItem> items, BigDecimal refund) {

        boolean succeeded() {
            return items != null;
        }
    }

    private final EngineContext ctx;

    ReturnCalculator(EngineContext ctx) {
        this.ctx = ctx;
    }

    Result calculate(IntegrationEndpoint ep, OrderWorksheet ws, ReturnState r, String accessToken) {
        byte[] payload;
        try {
            payload = OrderCloudJson.mapper().writeValueAsBytes(new CheckoutPayload(ep.configData(), ctx.config().environment(),
                    accessToken, ws, r.ret()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize order return " + r.id(), e);
        }
        CheckoutEventType type = CheckoutEventType.ORDER_RETURN_CALCULATE;
        DeliveryOutcome outcome = ctx.checkoutIntegration().deliver(new CheckoutCall(type, ep, ws.order().id(), payload,
                r.id() + "/" + type.suffix() + "/" + r.revision()));
        OrderReturnCalculateResponse answer = (OrderReturnCalculateResponse) CheckoutResponses.record(type, outcome);
        if (!Boolean.TRUE.equals(answer.succeeded())) {
            return new Result(answer, new CheckoutInvoker.Result<>(answer, outcome, false), null, null);
        }
        String problem = problem(r.ret(), answer);
        if (problem != null) {
            OrderReturnCalculateResponse bad = new OrderReturnCalculateResponse(answer.refundAmount(), answer.itemsToReturnCalcs(),
                    answer.httpStatusCode(), problem, answer.xp(), false);
            return new Result(bad, new CheckoutInvoker.Result<>(bad, outcome, false), null, null);
        }
        return apply(r.ret(), answer, outcome);
    }

    /** The first reason the answer cannot be applied ({@link OrderReturnCalculateResponse#violations}); null when it can. */
    static String problem(OrderReturn ret, OrderReturnCalculateResponse answer) {
        List<String> problems = answer.violations(ret);
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static Result apply(OrderReturn ret, OrderReturnCalculateResponse answer, DeliveryOutcome outcome) {
        Map<String, BigDecimal> byLine = new HashMap<>();
        if (answer.itemsToReturnCalcs() != null) {
            answer.itemsToReturnCalcs().forEach(c -> byLine.put(c.lineItemID(), c.refundAmount()));
        }
        List<OrderReturnItem> items = ret.itemsToReturn().stream()
                .map(i -> byLine.containsKey(i.lineItemID()) ? i.withRefundAmount(byLine.get(i.lineItemID())) : i).toList();
        BigDecimal refund = answer.refundAmount() != null ? answer.refundAmount() : ReturnItems.total(items);
        return new Result(answer, new CheckoutInvoker.Result<>(answer, outcome, true), items, refund);
    }
}
