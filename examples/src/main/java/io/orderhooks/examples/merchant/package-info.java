/**
 * The example merchant's checkout plugins, each a small class a new merchant can read and copy:
 *
 * <ul>
 *   <li>{@link io.orderhooks.examples.merchant.RegionalTaxCalculator} with its
 *       {@link io.orderhooks.examples.merchant.TaxTable}: destination-based sales tax per region and product
 *       tax category, rounded per line, with tax on shipping where the region charges it.</li>
 *   <li>{@link io.orderhooks.examples.merchant.ZoneShippingProvider} with its
 *       {@link io.orderhooks.examples.merchant.ShippingRateCard} and
 *       {@link io.orderhooks.examples.merchant.ShippingZones}: packages rated by weight and zone, free ground
 *       over a threshold, in-store pickup for eligible items.</li>
 *   <li>{@link io.orderhooks.examples.merchant.OutboxExporter}: each submitted or approved order written
 *       once, atomically, to an outbox folder for a downstream system.</li>
 *   <li>{@link io.orderhooks.examples.merchant.MerchantPlugins}: the three wired into one dispatcher.</li>
 * </ul>
 *
 * They are deliberately not declared for {@link java.util.ServiceLoader} discovery in the runnable jar, so
 * {@code orderhooks.jar middleware} runs only the user's plugins; {@code --demo-merchant} runs these (the tests
 * declare the tax and shipping plugins to show discovery).
 */
package io.orderhooks.examples.merchant;
