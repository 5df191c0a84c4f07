// Field pass over the whole SDK: seeds one object of each common resource through the SDK (bodies without the
// plain bool/int fields, so the engine's defaults show), then calls every List*/Get* method of every SDK class
// with the seeded IDs and checks each answer against the model its .d.ts declares (models.mjs).
import * as sdk from 'ordercloud-javascript-sdk';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { check } from './models.mjs';

const API = join(dirname(createRequire(import.meta.url).resolve('ordercloud-javascript-sdk')), 'api');

/** Models issue #20 names (and the models that carry its 49 null-for-default fields): any problem fails. */
export const CHECKED_MODELS = new Set(['Product', 'BuyerProduct', 'PriceSchedule', 'PriceBreak', 'ApiClient', 'Buyer',
  'Catalog', 'CatalogAssignment', 'Category', 'CategoryAssignment', 'CategoryProductAssignment', 'Spec', 'SpecOption',
  'CostCenter', 'CreditCard', 'BuyerCreditCard', 'Incrementor', 'InventoryRecord', 'Variant', 'User', 'MeUser',
  'Supplier', 'Promotion', 'SpendingAccount', 'SecurityProfile', 'Address', 'BuyerAddress', 'UserGroup',
  'Meta', 'MetaWithFacets', 'ListFacet', 'Inventory']);

/** Seeded IDs by SDK parameter name. */
const IDS = { buyerID: 'fb', userID: 'fu', userGroupID: 'fg', addressID: 'fa', catalogID: 'fc', categoryID: 'fcat',
  priceScheduleID: 'fps', productID: 'fp', specID: 'fs', optionID: 'fo', supplierID: 'fsup', costCenterID: 'fcc',
  creditCardID: 'fcard', incrementorID: 'finc', inventoryRecordID: 'fir', promotionID: 'fpromo',
  spendingAccountID: 'fsa', securityProfileID: 'fsp', direction: 'Incoming' };

async function seed(problems) {
  const s = sdk;
  const address = { Street1: '1 Main St', City: 'Town', State: 'MN', Zip: '55401', Country: 'US' };
  const steps = [
    () => s.Buyers.Create({ ID: 'fb', Name: 'Field buyer' }),
    () => s.Users.Create('fb', { ID: 'fu', Username: 'field-user', FirstName: 'F', LastName: 'U', Email: 'f@u.test' }),
    () => s.UserGroups.Create('fb', { ID: 'fg', Name: 'Group' }),
    () => s.Addresses.Create('fb', { ID: 'fa', ...address }),
    () => s.Catalogs.Create({ ID: 'fc', Name: 'Catalog' }),
    () => s.Categories.Create('fc', { ID: 'fcat', Name: 'Category' }),
    () => s.PriceSchedules.Create({ ID: 'fps', Name: 'Price', PriceBreaks: [{ Quantity: 1, Price: 5 }] }),
    () => s.Products.Create({ ID: 'fp', Name: 'Product', DefaultPriceScheduleID: 'fps' }),
    () => s.Specs.Create({ ID: 'fs', Name: 'Spec' }),
    () => s.Specs.CreateOption('fs', { ID: 'fo', Value: 'Option' }),
    () => s.Suppliers.Create({ ID: 'fsup', Name: 'Supplier' }),
    () => s.CostCenters.Create('fb', { ID: 'fcc', Name: 'Cost center' }),
    () => s.CreditCards.Create('fb', { ID: 'fcard', Token: 'tok', CardType: 'Visa', PartialAccountNumber: '4242' }),
    () => s.Incrementors.Create({ ID: 'finc', Name: 'Incrementor' }),
    () => s.Promotions.Create({ ID: 'fpromo', Code: 'FIELD', EligibleExpression: 'true', ValueExpression: '1' }),
    () => s.SpendingAccounts.Create('fb', { ID: 'fsa', Name: 'Account', Balance: 10 }),
    () => s.SecurityProfiles.Create({ ID: 'fsp', Name: 'Profile', Roles: ['Shopper'] }),
    () => s.ApiClients.Create({ AppName: 'Field app' }),
  ];
  for (const step of steps) {
    try {
      await step();
    } catch (e) {
      problems.push(`seed ${step.toString().slice(6, 60)}: ${e.status} ${e.errorCode || e.message}`);
    }
  }
}

/** Read methods of the SDK: [class, method, parameter names, declared answer type]. */
export function readMethods() {
  const out = [];
  for (const file of readdirSync(API).filter((f) => f.endsWith('.d.ts') && f !== 'index.d.ts')) {
    const cls = file.replace('.d.ts', '');
    if (!sdk[cls]) continue;
    const src = readFileSync(join(API, file), 'utf8');
    const re = /\n {4}((?:List|Get)\w*)(<[^(]*>)?\(([\s\S]*?)\): Promise<([^;]*)>;/g;
    for (let m; (m = re.exec(src));) {
      const generics = Object.fromEntries([...(m[2] || '').matchAll(/(T\w+) extends (\w+)/g)].map((g) => [g[1], g[2]]));
      const params = [...m[3].matchAll(/(?:^|,)\s*(\w+)\??:/g)].map((p) => p[1]);
      const type = m[4].replace(/RequiredDeep<(.*)>$/, '$1').replace(/\bT\w+\b/g, (t) => generics[t] || t);
      out.push([cls, m[1], params, type]);
    }
  }
  return out;
}

/** Field problems of one answer against its declared type ("ListPage<Product>", "Product", ...). */
function problemsOf(type, answer) {
  const page = type.match(/^(ListPage|ListPageWithFacets)<(\w+)/);
  if (!page) return check(type.replace(/<.*/, ''), answer);
  const problems = check(page[1] === 'ListPage' ? 'Meta' : 'MetaWithFacets', answer.Meta, `${page[2]}List.Meta`);
  if (!Array.isArray(answer.Items)) return [...problems, `${page[2]}List.Items: missing`];
  answer.Items.forEach((item) => problems.push(...check(page[2], item)));
  return problems;
}

/** Seeds, reads, checks: {calls, answered, failing (checked models), other (the rest of the SDK)}. */
export async function fieldPass() {
  const seedProblems = [];
  await seed(seedProblems);
  let calls = 0;
  let answered = 0;
  const failing = new Set();
  const other = new Set();
  for (const [cls, method, params, type] of readMethods()) {
    const args = params.map((p) => (p === 'listOptions' || p === 'requestOptions' ? undefined : IDS[p] || 'sweep-x'));
    calls++;
    let answer;
    try {
      answer = await sdk[cls][method](...args);
    } catch {
      continue;
    }
    answered++;
    for (const problem of problemsOf(type, answer)) {
      const model = problem.split('.')[0].replace(/List$/, '');
      (CHECKED_MODELS.has(model) || problem.includes('.Meta') ? failing : other).add(problem.replace(/\[\d+\]/g, '[]'));
    }
  }
  return { calls, answered, seedProblems, failing: [...failing].sort(), other: [...other].sort() };
}
