package io.orderhooks.events.plugin;

import io.orderhooks.events.IntegrationEventsDispatcherBuilder;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Tax calculators and shipping-rate providers found on a class path through {@link ServiceLoader}.
 * Immutable once discovered.
 */
public final class Plugins {

    private final List<TaxCalculator> taxCalculators;
    private final List<ShippingRateProvider> shippingRateProviders;

    private Plugins(List<TaxCalculator> taxCalculators, List<ShippingRateProvider> shippingRateProviders) {
        this.taxCalculators = List.copyOf(taxCalculators);
        this.shippingRateProviders = List.copyOf(shippingRateProviders);
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
        Objects.requireNonNull(loader, "loader");
        return new Plugins(
                ServiceLoader.load(TaxCalculator.class, loader).stream().map(ServiceLoader.Provider::get).toList(),
                ServiceLoader.load(ShippingRateProvider.class, loader).stream().map(ServiceLoader.Provider::get).toList());
    }

    public List<TaxCalculator> taxCalculators() {
        return taxCalculators;
    }

    public List<ShippingRateProvider> shippingRateProviders() {
        return shippingRateProviders;
    }

    /**
     * Registers the tax calculator (as {@code orderCalculate}) and the shipping-rate provider (as
     * {@code shippingRates}) on {@code builder}, each if exactly one was found.
     *
     * @throws IllegalStateException naming the plugins if several of one kind were found
     */
    public IntegrationEventsDispatcherBuilder registerInto(IntegrationEventsDispatcherBuilder builder) {
        Objects.requireNonNull(builder, "builder");
        if (!taxCalculators.isEmpty()) {
            builder.orderCalculate(only(taxCalculators, "TaxCalculator", TaxCalculator::name).asHandler());
        }
        if (!shippingRateProviders.isEmpty()) {
            builder.shippingRates(only(shippingRateProviders, "ShippingRateProvider", ShippingRateProvider::name).asHandler());
        }
        return builder;
    }

    private static <T> T only(List<T> found, String kind, java.util.function.Function<T, String> name) {
        if (found.size() > 1) {
            throw new IllegalStateException(found.size() + " " + kind + " plugins were found ("
                    + found.stream().map(name).collect(Collectors.joining(", "))
                    + "); register the one to use explicitly");
        }
        return found.get(0);
    }
}
