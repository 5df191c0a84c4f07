package io.orderhooks.events.plugin;

import io.orderhooks.events.IntegrationEventsDispatcherBuilder;
import io.orderhooks.events.OrderApprovedHandler;
import io.orderhooks.events.OrderCalculateHandler;
import io.orderhooks.events.OrderSubmitForApprovalHandler;
import io.orderhooks.events.OrderSubmitHandler;
import io.orderhooks.events.ShippingRatesHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checkout plugins found on a class path through {@link ServiceLoader}: the higher-level
 * {@link TaxCalculator} and {@link ShippingRateProvider}, and the five checkout handler interfaces
 * ({@link ShippingRatesHandler}, {@link OrderCalculateHandler}, {@link OrderSubmitHandler},
 * {@link OrderSubmitForApprovalHandler}, {@link OrderApprovedHandler}) declared directly. Immutable once
 * discovered.
 */
public final class Plugins {

    private final List<TaxCalculator> taxCalculators;
    private final List<ShippingRateProvider> shippingRateProviders;
    private final List<ShippingRatesHandler> shippingRates;
    private final List<OrderCalculateHandler> orderCalculate;
    private final List<OrderSubmitHandler> orderSubmit;
    private final List<OrderSubmitForApprovalHandler> orderSubmitForApproval;
    private final List<OrderApprovedHandler> orderApproved;

    private Plugins(ClassLoader loader) {
        this.taxCalculators = load(TaxCalculator.class, loader);
        this.shippingRateProviders = load(ShippingRateProvider.class, loader);
        this.shippingRates = load(ShippingRatesHandler.class, loader);
        this.orderCalculate = load(OrderCalculateHandler.class, loader);
        this.orderSubmit = load(OrderSubmitHandler.class, loader);
        this.orderSubmitForApproval = load(OrderSubmitForApprovalHandler.class, loader);
        this.orderApproved = load(OrderApprovedHandler.class, loader);
    }

    private static <T> List<T> load(Class<T> spi, ClassLoader loader) {
        return ServiceLoader.load(spi, loader).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The plugins visible to the thread's context class loader. */
    public static Plugins discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    /**
     * The plugins declared in {@code META-INF/services} files visible to {@code loader}, in class-path order.
     *
     * @throws java.util.ServiceConfigurationError if a declared plugin cannot be loaded or instantiated
     */
    public static Plugins discover(ClassLoader loader) {
        return new Plugins(Objects.requireNonNull(loader, "loader"));
    }

    public List<TaxCalculator> taxCalculators() {
        return taxCalculators;
    }

    public List<ShippingRateProvider> shippingRateProviders() {
        return shippingRateProviders;
    }

    /** Whether nothing at all was found. */
    public boolean isEmpty() {
        return describe().isEmpty();
    }

    /** What was found, as {@code kind: class} lines (e.g. {@code TaxCalculator: FlatTax}), in discovery order. */
    public List<String> describe() {
        List<String> found = new ArrayList<>();
        taxCalculators.forEach(p -> found.add("TaxCalculator: " + p.name()));
        shippingRateProviders.forEach(p -> found.add("ShippingRateProvider: " + p.name()));
        shippingRates.forEach(p -> found.add("ShippingRatesHandler: " + simpleName(p)));
        orderCalculate.forEach(p -> found.add("OrderCalculateHandler: " + simpleName(p)));
        orderSubmit.forEach(p -> found.add("OrderSubmitHandler: " + simpleName(p)));
        orderSubmitForApproval.forEach(p -> found.add("OrderSubmitForApprovalHandler: " + simpleName(p)));
        orderApproved.forEach(p -> found.add("OrderApprovedHandler: " + simpleName(p)));
        return found;
    }

    /**
     * Registers, for each checkout event, the one plugin found for it: {@code shippingRates} from a
     * {@link ShippingRateProvider} or a {@link ShippingRatesHandler}, {@code orderCalculate} from a
     * {@link TaxCalculator} or an {@link OrderCalculateHandler}, and the three submit events from their handlers.
     *
     * @throws IllegalStateException naming the plugins if several were found for one event
     */
    public IntegrationEventsDispatcherBuilder registerInto(IntegrationEventsDispatcherBuilder builder) {
        Objects.requireNonNull(builder, "builder");
        ShippingRatesHandler rates = only("shippingrates", adapt(shippingRateProviders, ShippingRateProvider::asHandler,
                ShippingRateProvider::name), named(shippingRates));
        OrderCalculateHandler calculate = only("ordercalculate", adapt(taxCalculators, TaxCalculator::asHandler,
                TaxCalculator::name), named(orderCalculate));
        OrderSubmitHandler submit = only("ordersubmit", List.of(), named(orderSubmit));
        OrderSubmitForApprovalHandler forApproval = only("ordersubmitforapproval", List.of(), named(orderSubmitForApproval));
        OrderApprovedHandler approved = only("orderapproved", List.of(), named(orderApproved));
        if (rates != null) {
            builder.shippingRates(rates);
        }
        if (calculate != null) {
            builder.orderCalculate(calculate);
        }
        if (submit != null) {
            builder.orderSubmit(submit);
        }
        if (forApproval != null) {
            builder.orderSubmitForApproval(forApproval);
        }
        if (approved != null) {
            builder.orderApproved(approved);
        }
        return builder;
    }

    private record Named<T>(String name, T handler) {}

    private static <P, H> List<Named<H>> adapt(List<P> plugins, Function<P, H> asHandler, Function<P, String> name) {
        return plugins.stream().map(p -> new Named<>(name.apply(p), asHandler.apply(p))).toList();
    }

    private static <H> List<Named<H>> named(List<H> handlers) {
        return handlers.stream().map(h -> new Named<>(simpleName(h), h)).toList();
    }

    private static String simpleName(Object plugin) {
        return plugin.getClass().getSimpleName();
    }

    private static <H> H only(String event, List<Named<H>> higherLevel, List<Named<H>> handlers) {
        List<Named<H>> found = new ArrayList<>(higherLevel);
        found.addAll(handlers);
        if (found.size() > 1) {
            throw new IllegalStateException(found.size() + " plugins were found for " + event + " ("
                    + found.stream().map(Named::name).collect(Collectors.joining(", "))
                    + "); keep one on the class path or register the one to use explicitly");
        }
        return found.isEmpty() ? null : found.get(0).handler();
    }
}
