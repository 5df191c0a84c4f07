// Buyer flow with the official SDK: browse, order, check out through the integration, pay, submit, list.
// Env: BASE_URL, CLIENT_ID, USERNAME, PASSWORD, ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, ORDER_ID.
import { Auth, Tokens, Me, Orders, LineItems, Payments, IntegrationEvents } from 'ordercloud-javascript-sdk';
import { configure, env, expect, run, sameMoney } from './expect.mjs';

run(async () => {
  configure();
  const orderID = env('ORDER_ID');
  const login = await Auth.Login(env('USERNAME'), env('PASSWORD'), env('CLIENT_ID'), ['Shopper', 'MeAdmin']);
  Tokens.SetAccessToken(login.access_token);

  const products = await Me.ListProducts({ sortBy: ['ID'] });
  expect(products.Meta.TotalCount === 2, 'Me.ListProducts sees both products', products.Meta);
  const widget = products.Items.find((p) => p.ID === 'widget');
  expect(widget && widget.PriceSchedule && widget.PriceSchedule.PriceBreaks.length === 2, 'widget has its price breaks', widget);

  const order = await Orders.Create('Outgoing', { ID: orderID, xp: { Channel: 'sdk' } });
  expect(order.Status === 'Unsubmitted', 'a new order is Unsubmitted', order.Status);
  const line = await LineItems.Create('Outgoing', orderID, { ProductID: 'widget', Quantity: 6 });
  expect(sameMoney(line.UnitPrice, 8.5), 'quantity 6 gets the 5+ break price', line.UnitPrice);
  await LineItems.Create('Outgoing', orderID, { ProductID: 'gadget', Quantity: 2 });

  const estimated = await IntegrationEvents.EstimateShipping('Outgoing', orderID);
  const estimate = estimated.ShipEstimateResponse.ShipEstimates[0];
  expect(estimate && estimate.ShipMethods.length === 2, 'the integration estimated two ship methods', estimated.ShipEstimateResponse);
  const selected = await IntegrationEvents.SelectShipmethods('Outgoing', orderID,
    { ShipMethodSelections: [{ ShipEstimateID: estimate.ID, ShipMethodID: 'ground' }] });
  expect(sameMoney(selected.Order.ShippingCost, 9.95), 'ground shipping costs 9.95', selected.Order.ShippingCost);
  const calculated = await IntegrationEvents.Calculate('Outgoing', orderID);
  expect(sameMoney(calculated.Order.TaxCost, 7.25), 'tax from the integration', calculated.Order.TaxCost);
  expect(sameMoney(calculated.Order.Total, 74.7), 'total = 57.50 + 9.95 + 7.25', calculated.Order.Total);

  const payment = await Payments.Create('Outgoing', orderID, { Type: 'PurchaseOrder' });
  const seller = await Auth.ClientCredentials(env('ADMIN_CLIENT_SECRET'), env('ADMIN_CLIENT_ID'), ['FullAccess']);
  const accepted = await Payments.Patch('Incoming', orderID, payment.ID, { Accepted: true }, { accessToken: seller.access_token });
  expect(accepted.Accepted === true, 'the seller accepted the payment', accepted);

  const submitted = await Orders.Submit('Outgoing', orderID);
  expect(submitted.Status === 'Open' && submitted.IsSubmitted === true, 'the submitted order is Open', submitted.Status);

  const mine = await Me.ListOrders({ filters: { Status: 'Open', 'xp.Channel': 'sdk' } });
  expect(mine.Meta.TotalCount === 1 && mine.Items[0].ID === orderID, 'Me.ListOrders filters by status and xp', mine.Meta);
  const none = await Me.ListOrders({ filters: { Status: 'Unsubmitted' } });

  return { products: products.Meta.TotalCount, unitPrice: line.UnitPrice, shipping: selected.Order.ShippingCost,
    total: calculated.Order.Total, status: submitted.Status, myOpenOrders: mine.Meta.TotalCount,
    myUnsubmittedOrders: none.Meta.TotalCount };
});
