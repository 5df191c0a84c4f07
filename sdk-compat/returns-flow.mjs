// Order returns with the official SDK: the marketplace links an OrderReturn integration event (a middleware built
// with the orderhooks test kit) to the shop's API client and adds an OrderReturn approval rule for an admin user
// group; the shopper returns two widgets and submits; the middleware prices the refund, the rule holds the return,
// a member of the group approves it and the marketplace completes it, which records the refund on the payment.
// Env: BASE_URL, ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, SHOP_CLIENT_ID, SHOPPER, SHOPPER_PASSWORD, ORDER_ID,
// MIDDLEWARE_URL, HASH_KEY.
import { AdminUserGroups, ApiClients, Auth, IntegrationEvents, OrderReturns, Payments, SellerApprovalRules }
  from 'ordercloud-javascript-sdk';
import { configure, env, expect, refused, run, sameMoney } from './expect.mjs';

const ids = (page) => page.Items.map((i) => i.ID);

async function marketplace(admin) {
  await IntegrationEvents.Create({ ID: 'returns', Name: 'Returns', EventType: 'OrderReturn',
    CustomImplementationUrl: env('MIDDLEWARE_URL'), HashKey: env('HASH_KEY') }, admin);
  const client = await ApiClients.Patch(env('SHOP_CLIENT_ID'), { OrderReturnIntegrationEventID: 'returns' }, admin);
  expect(client.OrderReturnIntegrationEventName === 'Returns', 'the API client names its OrderReturn event', client);
  await AdminUserGroups.Create({ ID: 'return-approvers', Name: 'Return approvers' }, admin);
  await AdminUserGroups.SaveUserAssignment({ UserGroupID: 'return-approvers', UserID: 'admin' }, admin);
  await SellerApprovalRules.Create({ ID: 'big-returns', ApprovalType: 'OrderReturn', ApprovingGroupID: 'return-approvers',
    RuleExpression: 'order.RefundAmount > 10' }, admin);
}

async function shopperReturns(shopper) {
  const orderID = env('ORDER_ID');
  await refused(() => OrderReturns.Create({ OrderID: orderID, ItemsToReturn: [{ LineItemID: 'l1', Quantity: 99 }] }, shopper),
    400, 'OrderReturn.QuantityExceedsReturnable', 'returning more widgets than were ordered');
  const created = await OrderReturns.Create({ ID: 'ret1', OrderID: orderID,
    ItemsToReturn: [{ LineItemID: 'l1', Quantity: 2 }, { LineItemID: 'l2', Quantity: 1 }] }, shopper);
  expect(created.Status === 'Unsubmitted' && sameMoney(created.RefundAmount, 23.25), 'the computed refund', created);
  const one = await OrderReturns.DeleteItem('ret1', 'l2', shopper);
  expect(one.ItemsToReturn.length === 1 && sameMoney(one.RefundAmount, 20), 'DeleteItem answers the return', one);
  const patched = await OrderReturns.Patch('ret1', { Comments: 'wrong size', xp: { Reason: 'size' } }, shopper);
  expect(patched.Comments === 'wrong size' && patched.xp.Reason === 'size', 'OrderReturns.Patch', patched);
  const submitted = await OrderReturns.Submit('ret1', shopper);
  expect(submitted.Status === 'AwaitingApproval', 'the rule holds the return the middleware priced', submitted);
  await refused(() => OrderReturns.Approve('ret1', { Comments: 'me' }, shopper), 403, 'OrderReturn.NotEligibleToApprove',
    'the shopper approving its own return');
  return { created: created.RefundAmount, refund: submitted.RefundAmount, itemRefund: submitted.ItemsToReturn[0].RefundAmount };
}

async function approveAndComplete(admin) {
  const eligible = ids(await OrderReturns.ListEligibleApprovers('ret1', undefined, admin));
  const approvable = ids(await OrderReturns.List({ approvable: true }, admin));
  const approved = await OrderReturns.Approve('ret1', { Comments: 'fine' }, admin);
  const approvals = await OrderReturns.ListApprovals('ret1', undefined, admin);
  const completed = await OrderReturns.Complete('ret1', admin);
  const payment = await Payments.Get('Incoming', env('ORDER_ID'), completed.PaymentIDs[0], admin);
  const refundTx = payment.Transactions.find((t) => t.Type === 'Refund');
  return { eligible, approvable, approvedStatus: approved.Status,
    approvals: approvals.Items.map((a) => `${a.ApprovalRuleID}:${a.Status}`), status: completed.Status,
    paymentIDs: completed.PaymentIDs, refundTx: refundTx && refundTx.Amount };
}

run(async () => {
  configure();
  const admin = { accessToken: (await Auth.ClientCredentials(env('ADMIN_CLIENT_SECRET'), env('ADMIN_CLIENT_ID'), ['FullAccess'])).access_token };
  await marketplace(admin);
  const shopper = { accessToken: (await Auth.Login(env('SHOPPER'), env('SHOPPER_PASSWORD'), env('SHOP_CLIENT_ID'),
    ['Shopper', 'MeAdmin'])).access_token };
  return { ...(await shopperReturns(shopper)), ...(await approveAndComplete(admin)) };
});
