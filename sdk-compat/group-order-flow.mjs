// Group ordering with the official SDK: the creator invites, contributors take tokens and use Cart.* with them.
// Env: BASE_URL, CLIENT_ID, USERNAME, PASSWORD (the order creator), ORDER_ID, EXPIRES (ISO date-time).
import { Auth, Tokens, Me, Orders, GroupOrders, Cart } from 'ordercloud-javascript-sdk';
import { configure, env, expect, run } from './expect.mjs';

/** The SDK error of a call that must fail, as { status, code }; fails the flow if the call succeeds. */
async function refused(call, what) {
  try {
    await call();
  } catch (e) {
    if (e && e.isOrderCloudError) {
      return { status: e.status, code: e.errorCode };
    }
    throw e;
  }
  return expect(false, `${what} must be refused`, 'it succeeded');
}

run(async () => {
  configure();
  const orderID = env('ORDER_ID');
  const login = await Auth.Login(env('USERNAME'), env('PASSWORD'), env('CLIENT_ID'), ['Shopper']);
  Tokens.SetAccessToken(login.access_token);
  await Orders.Create('Outgoing', { ID: orderID, xp: { Occasion: 'lunch' } });
  const shared = await Me.CreateGroupOrderInvitation({ Name: 'Team', OrderID: orderID, ExpirationDate: env('EXPIRES'), xp: { Deadline: '10am' } });
  const own = await Me.CreateGroupOrderInvitation({ Name: 'Ann only', OrderID: orderID, ExpirationDate: env('EXPIRES') });
  expect(shared.ID && shared.OrderStatus === 'Unsubmitted' && shared.xp.Deadline === '10am', 'invitation created', shared);
  const listed = await Me.ListGroupOrderInvitations({ filters: { OrderID: orderID }, sortBy: ['Name'] });
  expect(listed.Meta.TotalCount === 2 && listed.Items[0].ID === own.ID, 'both invitations listed', listed);
  const creator = { accessToken: login.access_token };
  Tokens.RemoveAccessToken(); // contributors hold no login: GetToken is called without any token

  async function contributor(invitationID, name, quantity) {
    const token = await GroupOrders.GetToken(invitationID);
    expect(token.access_token && token.expires_in > 0 && !token.refresh_token, 'contributor token granted', token);
    const opts = { accessToken: token.access_token };
    const cart = await Cart.Get(opts);
    expect(cart.ID === orderID, 'the contributor cart is the invited order', cart.ID);
    const line = await Cart.CreateLineItem({ ProductID: 'widget', Quantity: quantity, xp: { For: name } }, opts);
    expect(line.InvitationID === invitationID, 'the line carries the invitation ID', line);
    return { opts, line };
  }

  const [bob, carol, ann] = await Promise.all([
    contributor(shared.ID, 'Bob', 1), contributor(shared.ID, 'Carol', 2), contributor(own.ID, 'Ann', 3)]);
  const bobSees = await Cart.ListLineItems({}, bob.opts);
  const annSees = await Cart.ListLineItems({}, ann.opts);
  expect(bobSees.Meta.TotalCount === 2, 'the shared invitation sees its two lines', bobSees.Meta);
  expect(annSees.Meta.TotalCount === 1 && annSees.Items[0].ID === ann.line.ID, 'a per-person invitation sees only its line', annSees);
  const products = await Me.ListProducts({ sortBy: ['ID'] }, ann.opts);
  expect(products.Items.map((p) => p.ID).join() === 'gadget,widget', 'contributors browse the creator\'s products', products.Meta);

  const patched = await Cart.PatchLineItem(ann.line.ID, { Quantity: 5 }, ann.opts);
  expect(patched.Quantity === 5 && patched.UnitPrice === 8.5 && patched.InvitationID === own.ID, 'a contributor edits its line', patched);
  const hidden = await refused(() => Cart.GetLineItem(bob.line.ID, ann.opts), 'reading another invitation\'s line');
  expect(hidden.status === 404 && hidden.code === 'NotFound', 'another invitation\'s line is invisible', hidden);
  await Cart.DeleteLineItem(carol.line.ID, carol.opts);
  const submitRefused = await refused(() => Cart.Submit(ann.opts), 'a contributor submit');
  expect(submitRefused.status === 403 && submitRefused.code === 'Auth.InsufficientRoles', 'contributors cannot submit', submitRefused);

  const all = await Cart.ListLineItems({}, creator);
  const filtered = await Cart.ListLineItems({ filters: { InvitationID: own.ID } }, creator);
  expect(all.Meta.TotalCount === 2, 'the creator sees every line', all.Meta);
  expect(filtered.Meta.TotalCount === 1 && filtered.Items[0].ID === ann.line.ID, 'lines filter on InvitationID', filtered);
  await Cart.Calculate(creator);
  const submitted = await Cart.Submit(creator);
  expect(submitted.ID === orderID && submitted.Status === 'Open', 'the creator submits', submitted);
  const late = await refused(() => Cart.CreateLineItem({ ProductID: 'gadget', Quantity: 1 }, bob.opts), 'adding after submit');
  expect(late.status === 400 && late.code === 'GroupOrder.CannotModifySubmittedOrder', 'submitted orders are read-only', late);

  return { invitations: listed.Meta.TotalCount, creatorLines: all.Meta.TotalCount, annQuantity: patched.Quantity,
    subtotal: submitted.Subtotal, status: submitted.Status, hidden: hidden.code, submitRefused: submitRefused.code, late: late.code };
});
