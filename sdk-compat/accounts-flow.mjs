// Account self-service with the official SDK (issue #21). PHASE=main: an anonymous shopper adds to its cart,
// registers (Me.Register) and still has the cart; the admin configures a message sender (MessageSenders.*) whose URL
// is this script's own test receiver; a forgotten password is reset with the verification code the receiver
// captured (its X-oc-hash checked over the exact bytes); reusing the code fails; a second code is requested and
// printed for PHASE=expired, which runs after the engine's clock passed the code's lifetime and expects it to fail.
// Env: BASE_URL, ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, CLIENT_ID (anonymous storefront client), PRODUCT_ID, PHASE,
// CODE (PHASE=expired).
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { Auth, Cart, ForgottenCredentials, Me, MessageSenders, UserInfo } from 'ordercloud-javascript-sdk';
import { configure, env, expect, refused, run } from './expect.mjs';

const KEY = 'sender-shared-key';
const USERNAME = 'sdk-newbie';

/** A receiver on a free loopback port keeping each POST's exact bytes and X-oc-hash. */
async function receiver() {
  const received = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ raw: Buffer.concat(chunks), hash: req.headers['x-oc-hash'] });
      res.writeHead(204).end();
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { received, server, url: `http://127.0.0.1:${server.address().port}/messages` };
}

/** The next notification of `type` after `seen` of them, within 20 s; its X-oc-hash must match the bytes. */
async function nextMessage(inbox, type, seen) {
  const deadline = Date.now() + 20000;
  for (;;) {
    const all = inbox.received.map((m) => ({ ...m, json: JSON.parse(m.raw.toString('utf8')) }))
      .filter((m) => m.json.MessageType === type);
    if (all.length > seen) {
      const m = all[seen];
      const expected = createHmac('sha256', Buffer.from(KEY, 'utf8')).update(m.raw).digest('base64');
      expect(m.hash === expected, 'the notification is signed with the sender SharedKey (X-oc-hash)', m.hash);
      return m.json;
    }
    expect(Date.now() < deadline, `a ${type} notification arrives`, all.length);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

async function registerKeepingTheCart() {
  const anon = { accessToken: (await Auth.Anonymous(env('CLIENT_ID'), ['Shopper', 'MeAdmin'])).access_token };
  await Cart.CreateLineItem({ ProductID: env('PRODUCT_ID'), Quantity: 2 }, anon);
  const cartID = (await Cart.Get(anon)).ID;
  const registered = await Me.Register({ Username: USERNAME, Password: 'pw-first-1', FirstName: 'Sdk', LastName: 'Newbie',
    Email: 'newbie@example.com', Active: true }, { anonUserToken: anon.accessToken }, anon);
  const user = { accessToken: registered.access_token };
  const cart = await Cart.Get(user);
  const lines = await Cart.ListLineItems(undefined, user);
  expect(cart.ID === cartID && lines.Items.length === 1 && lines.Items[0].Quantity === 2,
    'the registered user still has the anonymous cart', { cart, lines });
  const another = { accessToken: (await Auth.Anonymous(env('CLIENT_ID'), ['Shopper'])).access_token };
  await refused(() => Me.Register({ Username: USERNAME, FirstName: 'A', LastName: 'B', Email: 'b@example.com', Active: true },
    undefined, another), 409, 'User.UsernameMustBeUnique', 'registering a taken username');
  const me = await Me.Get(user);
  const identity = await UserInfo.GetToken(user);
  expect(typeof identity.identity_token === 'string' && identity.expires_in > 0, 'UserInfo.GetToken', identity);
  return { cartID, user: me.Username };
}

async function senderFor(url) {
  const t = await Auth.ClientCredentials(env('ADMIN_CLIENT_SECRET'), env('ADMIN_CLIENT_ID'), ['FullAccess']);
  const admin = { accessToken: t.access_token };
  const sender = await MessageSenders.Create({ ID: 'sdk-mail', Name: 'Mail', MessageTypes: ['ForgottenPassword'],
    URL: url, SharedKey: KEY, AllowAllBuyers: true }, admin);
  expect(sender.SharedKey == null && sender.URL === url, 'MessageSenders.Create answers the sender without its key', sender);
  await MessageSenders.SaveAssignment({ MessageSenderID: 'sdk-mail', BuyerID: 'b1' }, admin);
  const assignments = await MessageSenders.ListAssignments({ messageSenderID: 'sdk-mail' }, admin);
  expect(assignments.Items.length === 1 && assignments.Items[0].MessageConfigName === 'Mail', 'MessageSenders.ListAssignments', assignments);
  return admin;
}

async function resetForgottenPassword(inbox) {
  const request = { ClientID: env('CLIENT_ID'), Username: USERNAME, URL: 'https://shop.example/reset' };
  await ForgottenCredentials.SendVerificationCode(request);
  await ForgottenCredentials.SendVerificationCode({ ClientID: env('CLIENT_ID'), Email: 'nobody@example.com' });
  const mail = await nextMessage(inbox, 'ForgottenPassword', 0);
  expect(mail.Recipient.Username === USERNAME && mail.EventBody.PasswordRenewalUrl === request.URL,
    'the ForgottenPassword notification names the user and the renewal URL', mail);
  const code = mail.EventBody.PasswordRenewalVerificationCode;
  const reset = { ClientID: env('CLIENT_ID'), Username: USERNAME, Password: 'pw-second-2' };
  await ForgottenCredentials.ResetPasswordByVerificationCode(code, reset);
  await Auth.Login(USERNAME, 'pw-second-2', env('CLIENT_ID'), ['Shopper']);
  await refused(() => ForgottenCredentials.ResetPasswordByVerificationCode(code, { ...reset, Password: 'pw-third-3' }),
    400, 'Auth.InvalidVerificationCode', 'reusing a verification code');
  await ForgottenCredentials.SendVerificationCode(request);
  const later = await nextMessage(inbox, 'ForgottenPassword', 1);
  return { pendingCode: later.EventBody.PasswordRenewalVerificationCode, unknownEmailSent: inbox.received.length === 2 };
}

run(async () => {
  configure();
  if (env('PHASE') === 'expired') {
    await refused(() => ForgottenCredentials.ResetPasswordByVerificationCode(env('CODE'),
      { ClientID: env('CLIENT_ID'), Username: USERNAME, Password: 'pw-late-4' }), 400, 'Auth.InvalidVerificationCode',
    'an expired verification code');
    await Auth.Login(USERNAME, 'pw-second-2', env('CLIENT_ID'), ['Shopper']);
    return { expiredRefused: true };
  }
  const inbox = await receiver();
  try {
    const registered = await registerKeepingTheCart();
    await senderFor(inbox.url);
    const reset = await resetForgottenPassword(inbox);
    return { ...registered, ...reset, signedMessages: inbox.received.length };
  } finally {
    inbox.server.close();
  }
});
