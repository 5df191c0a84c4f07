// Route sweep with the official SDK: calls every HTTP method of every SDK class once, as a FullAccess admin
// with placeholder IDs and empty bodies, and classifies each answer. A "route unknown" answer is the engine's
// 404 with Data.ObjectType "Route" or a 405. Fails when a method of a NAMED class (or a named single method)
// answers route-unknown or a 5xx, or a method of a not-implemented feature's class answers anything but that
// feature's 404 (Data.ObjectType "Feature", counted as notImplemented); prints the whole SDK's counts.
// Env: BASE_URL, ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET.
import * as sdk from 'ordercloud-javascript-sdk';
import { configure, env, expect, run } from './expect.mjs';

/** SDK exports that make no API call under v1 (token handling, configuration, OAuth helpers). */
const NOT_API = new Set(['Auth', 'Tokens', 'Configuration', 'Certs', 'UserInfo', 'OrderCloudError', 'default']);

/** Classes issue #20 names: every method must have a route that answers without a 5xx. */
export const NAMED_CLASSES = ['Categories', 'CostCenters', 'CreditCards', 'Incrementors', 'InventoryRecords', 'Specs'];
/** Single methods of other classes issue #20 names. */
export const NAMED_METHODS = ['Me.ListCategories', 'Me.GetCategory', 'Me.ListCostCenters', 'Me.ListCreditCards',
  'Me.CreateCreditCard', 'Me.GetCreditCard', 'Me.SaveCreditCard', 'Me.PatchCreditCard', 'Me.DeleteCreditCard',
  'Me.ListVariants', 'Me.GetVariant', 'Me.ListProductInventoryRecords', 'Me.ListVariantInventoryRecords',
  'Products.GenerateVariants', 'Products.ListVariants', 'Products.GetVariant', 'Products.SaveVariant',
  'Products.PatchVariant', 'Products.ListSpecs', 'Orders.Ship', 'Orders.RemovePromotion',
  'Payments.CreateTransaction', 'Cart.CreatePaymentTransaction',
  // issue #21
  'Users.ListAcrossBuyers', 'LineItems.ListAcrossOrders',
  // issue #21, accounts
  'Me.Register', 'Me.ResetPasswordByToken', 'ForgottenCredentials.SendVerificationCode',
  'ForgottenCredentials.ResetPasswordByVerificationCode', 'ForgottenCredentials.RetrieveUsername'];
/** Classes issue #21 names (same rule as NAMED_CLASSES). */
export const NAMED_CLASSES_21 = ['AdminUsers', 'AdminUserGroups', 'AdminAddresses', 'ProductFacets', 'XpIndices',
  'MessageSenders', 'OrderReturns'];
/** Classes of features docs/ENGINE.md lists as not implemented: every method must answer the feature's 404. */
export const NOT_IMPLEMENTED_CLASSES = ['Bundles', 'BundleLineItems', 'BundleSubscriptionItems', 'Subscriptions',
  'SubscriptionItems', 'SubscriptionIntegrations', 'Locales', 'OpenIdConnects', 'EntitySynchronization',
  'ImpersonationConfigs', 'DeliveryConfigurations', 'ErrorConfigs', 'InventoryIntegrations', 'OrderSynchronization',
  'ProductSynchronization', 'PromotionIntegrations', 'TrackingEvents'];

/** Every API method of the SDK as [className, methodName]. */
export function apiMethods() {
  const out = [];
  for (const [name, instance] of Object.entries(sdk)) {
    if (NOT_API.has(name) || !instance || typeof instance !== 'object') {
      continue;
    }
    for (const method of Object.getOwnPropertyNames(Object.getPrototypeOf(instance))) {
      if (method !== 'constructor' && method !== 'As' && typeof instance[method] === 'function') {
        out.push([name, method]);
      }
    }
  }
  return out;
}

/** Placeholder arguments from the method's parameter names. */
function args(fn) {
  const source = fn.toString();
  const names = source.slice(source.indexOf('(') + 1, source.indexOf(')')).split(',').map((s) => s.trim()).filter(Boolean);
  return names.map((n) => {
    if (n === 'direction') return 'Incoming';
    if (n === 'listOptions' || n === 'requestOptions') return undefined;
    if (/(ID|Code|Name|Type|Route|Verb|Email|Username)$/.test(n)) return 'sweep-x';
    return {};
  });
}

function classify(e) {
  if (!e || !e.isOrderCloudError) return 'failed';
  const first = (e.errors && e.errors[0]) || {};
  if (e.status === 405 || (e.status === 404 && first.Data && first.Data.ObjectType === 'Route')) return 'routeUnknown';
  if (e.status === 404 && first.Data && first.Data.ObjectType === 'Feature') return 'notImplemented';
  if (e.status >= 500) return 'serverError';
  return 'answered';
}

run(async () => {
  configure();
  const token = await sdk.Auth.ClientCredentials(env('ADMIN_CLIENT_SECRET'), env('ADMIN_CLIENT_ID'), ['FullAccess']);
  sdk.Tokens.SetAccessToken(token.access_token);
  const counts = { total: 0, ok: 0, answered: 0, notImplemented: 0, routeUnknown: 0, serverError: 0, failed: 0 };
  const namedFailures = [];
  const problems = [];
  const unknownByClass = {};
  const unknown = [];
  for (const [cls, method] of apiMethods()) {
    const instance = sdk[cls];
    let outcome;
    try {
      await instance[method](...args(instance[method]));
      outcome = 'ok';
    } catch (e) {
      outcome = classify(e);
      if (outcome === 'failed') outcome += `:${e && e.message}`;
    }
    counts.total++;
    const bucket = outcome.startsWith('failed') ? 'failed' : outcome;
    counts[bucket]++;
    if (bucket === 'serverError' || bucket === 'failed') problems.push(`${cls}.${method}: ${outcome}`);
    if (bucket === 'routeUnknown') {
      unknownByClass[cls] = (unknownByClass[cls] || 0) + 1;
      unknown.push(`${cls}.${method}`);
    }
    const named = NAMED_CLASSES.includes(cls) || NAMED_CLASSES_21.includes(cls) || NAMED_METHODS.includes(`${cls}.${method}`);
    if (named && bucket !== 'ok' && bucket !== 'answered') namedFailures.push(`${cls}.${method}: ${outcome}`);
    if (NOT_IMPLEMENTED_CLASSES.includes(cls) && bucket !== 'notImplemented') namedFailures.push(`${cls}.${method}: ${outcome} (expected notImplemented)`);
  }
  console.error(`sweep: ${JSON.stringify({ ...counts, problems })}`);
  console.error(`sweep: route-unknown: ${unknown.join(' ')}`);
  expect(namedFailures.length === 0, 'every method of the named classes has a route and no 5xx', namedFailures);
  expect(counts.serverError === 0, 'no SDK method answers a 5xx', problems);
  return { ...counts, unknownByClass, unknown, problems };
});
