// Seller flow with the official SDK: list incoming orders by an xp filter, patch an order's xp.
// Env: BASE_URL, ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, ORDER_ID.
import { Auth, Tokens, Orders } from 'ordercloud-javascript-sdk';
import { configure, env, expect, run, sameMoney } from './expect.mjs';

run(async () => {
  configure();
  const orderID = env('ORDER_ID');
  const token = await Auth.ClientCredentials(env('ADMIN_CLIENT_SECRET'), env('ADMIN_CLIENT_ID'), ['OrderAdmin']);
  Tokens.SetAccessToken(token.access_token);

  const bySdk = await Orders.List('Incoming', { filters: { 'xp.Channel': 'sdk' } });
  expect(bySdk.Meta.TotalCount === 1 && bySdk.Items[0].ID === orderID, 'one incoming order has xp.Channel=sdk', bySdk.Meta);
  const notSdk = await Orders.List('Incoming', { filters: { 'xp.Channel': '!sdk' } });

  const patched = await Orders.Patch('Incoming', orderID, { xp: { Priority: 'high' } });
  expect(patched.xp.Priority === 'high' && patched.xp.Channel === 'sdk', 'xp is merged', patched.xp);
  expect(sameMoney(patched.Total, 74.7), 'patching xp keeps the total', patched.Total);

  const high = await Orders.List('Incoming', { filters: { 'xp.Priority': 'high' }, sortBy: ['!DateSubmitted'] });
  expect(high.Meta.TotalCount === 1, 'the patched xp is filterable', high.Meta);

  return { incomingWithSdkChannel: bySdk.Meta.TotalCount, incomingOtherChannels: notSdk.Meta.TotalCount,
    priority: patched.xp.Priority, total: patched.Total, highPriority: high.Meta.TotalCount };
});
