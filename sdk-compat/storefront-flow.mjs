// Storefront flow with the official SDK (issue #20): the seller sets up a category tree, a sized product with
// variants, stock in an inventory record, a cost center and an order-ID incrementor; the shopper browses the tree,
// picks size M, saves a credit card, charges the cost center, pays with the card and submits; the seller ships.
// Every answer of the new resources is field-checked against the SDK's declared model (models.mjs).
// Env: BASE_URL, CLIENT_ID, USERNAME, PASSWORD, ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, BUYER_ID.
import { Auth, Catalogs, Categories, CostCenters, Incrementors, InventoryRecords, LineItems, Me, Orders, Payments,
  PriceSchedules, Products, Specs, SupplierAddresses, Suppliers, UserGroups } from 'ordercloud-javascript-sdk';
import { configure, env, expect, run } from './expect.mjs';
import { check } from './models.mjs';

const problems = [];
/** Records field-check problems of `value` against the SDK model `model`; answers `value`. */
function checked(model, value) {
  problems.push(...check(model, value));
  return value;
}

async function refused(call) {
  try {
    await call();
  } catch (e) {
    return `${e.status} ${e.errorCode}`;
  }
  return 'accepted';
}

async function seed(admin, buyerID) {
  const as = { accessToken: admin };
  await Catalogs.Create({ ID: 'store', Name: 'Store' }, as);
  await Catalogs.SaveAssignment({ CatalogID: 'store', BuyerID: buyerID, ViewAllCategories: true, ViewAllProducts: true }, as);
  await PriceSchedules.Create({ ID: 'tee-price', Name: 'Tee', PriceBreaks: [{ Quantity: 1, Price: 20 }] }, as);
  await Products.Create({ ID: 'tee', Name: 'Tee', Active: true, DefaultPriceScheduleID: 'tee-price' }, as);
  await Catalogs.SaveProductAssignment({ CatalogID: 'store', ProductID: 'tee' }, as);
  checked('Category', await Categories.Create('store', { ID: 'apparel', Name: 'Apparel' }, {}, as));
  checked('Category', await Categories.Create('store', { ID: 'shirts', Name: 'Shirts', ParentID: 'apparel' }, {}, as));
  await Categories.SaveProductAssignment('store', { CategoryID: 'shirts', ProductID: 'tee' }, as);
  await Specs.Create({ ID: 'size', Name: 'Size', Required: true, DefinesVariant: true }, as);
  await Specs.CreateOption('size', { ID: 'S', Value: 'Small', ListOrder: 1 }, as);
  await Specs.CreateOption('size', { ID: 'M', Value: 'Medium', ListOrder: 2 }, as);
  await Specs.SaveProductAssignment({ SpecID: 'size', ProductID: 'tee' }, as);
  const generated = await Products.GenerateVariants('tee', {}, {}, as);
  await Suppliers.Create({ ID: 'wh', Name: 'Warehouse', Active: true }, as);
  await SupplierAddresses.Create('wh', { ID: 'dock', Street1: '1 Dock Rd', City: 'Minneapolis', State: 'MN', Zip: '55401', Country: 'US' }, as);
  const record = checked('InventoryRecord', await InventoryRecords.Create('tee',
    { ID: 'wh-tee', OwnerID: 'wh', AddressID: 'dock', QuantityAvailable: 5, AllowAllBuyers: true }, as));
  await UserGroups.Create(buyerID, { ID: 'marketing', Name: 'Marketing' }, as);
  await UserGroups.SaveUserAssignment(buyerID, { UserGroupID: 'marketing', UserID: env('USER_ID') }, as);
  checked('CostCenter', await CostCenters.Create(buyerID, { ID: 'cc-mkt', Name: 'Marketing budget' }, as));
  await CostCenters.SaveAssignment(buyerID, { CostCenterID: 'cc-mkt', UserGroupID: 'marketing' }, as);
  checked('Incrementor', await Incrementors.Create({ ID: 'orderIncrementor', Name: 'Orders', LastNumber: 41, LeftPaddingCount: 6 }, as));
  return { variantCount: generated.VariantCount, record };
}

run(async () => {
  configure();
  const admin = (await Auth.ClientCredentials(env('ADMIN_CLIENT_SECRET'), env('ADMIN_CLIENT_ID'), ['FullAccess'])).access_token;
  const setup = await seed(admin, env('BUYER_ID'));
  const shopper = (await Auth.Login(env('USERNAME'), env('PASSWORD'), env('CLIENT_ID'), ['Shopper', 'MeCreditCardAdmin'])).access_token;
  const me = { accessToken: shopper };
  const as = { accessToken: admin };

  const top = await Me.ListCategories({}, me);
  const tree = await Me.ListCategories({ depth: 'all' }, me);
  tree.Items.forEach((c) => checked('Category', c));
  const apparel = checked('Category', await Me.GetCategory('apparel', {}, me));
  const inApparel = await Me.ListProducts({ categoryID: 'apparel' }, me);
  const unknownCategory = await refused(() => Me.ListProducts({ categoryID: 'nope' }, me));
  const variants = await Me.ListVariants('tee', {}, me);
  variants.Items.forEach((v) => checked('Variant', v));
  const records = await Me.ListProductInventoryRecords('tee', {}, me);
  const costCenters = await Me.ListCostCenters({}, me);
  const card = checked('BuyerCreditCard', await Me.CreateCreditCard({ Token: 'tok_visa_4242', CardType: 'Visa',
    PartialAccountNumber: '4242', CardholderName: 'Pat Shopper', ExpirationDate: '2030-12-01T00:00:00+00:00' }, me));

  const order = await Orders.Create('Outgoing', { ID: 'SO-{orderIncrementor}' }, me);
  const badCostCenter = await refused(() => LineItems.Create('Outgoing', order.ID,
    { ProductID: 'tee', Quantity: 1, Specs: [{ SpecID: 'size', OptionID: 'S' }], CostCenter: 'not-mine' }, me));
  const line = checked('LineItem', await LineItems.Create('Outgoing', order.ID, { ProductID: 'tee', Quantity: 2,
    Specs: [{ SpecID: 'size', OptionID: 'M' }], CostCenter: 'cc-mkt', InventoryRecordID: setup.record.ID }, me));
  const madeUpCard = await refused(() => Payments.Create('Outgoing', order.ID, { Type: 'CreditCard', CreditCardID: 'made-up' }, me));
  const payment = await Payments.Create('Outgoing', order.ID, { Type: 'CreditCard', CreditCardID: card.ID }, me);
  const authorized = checked('Payment', await Payments.CreateTransaction('Incoming', order.ID, payment.ID,
    { Type: 'CreditCard', Amount: 40, Succeeded: true, ResultCode: '00', ResultMessage: 'approved' }, as));
  await Payments.Patch('Incoming', order.ID, payment.ID, { Accepted: true }, as);
  const submitted = await Orders.Submit('Outgoing', order.ID, me);
  const stock = await InventoryRecords.Get('tee', setup.record.ID, as);
  const shipped = checked('Order', await Orders.Ship('Incoming', order.ID, { ID: `ship-${order.ID}`, TrackingNumber: '1Z999' }, as));
  const overdraw = await refused(async () => {
    const o = await Orders.Create('Outgoing', {}, me);
    await LineItems.Create('Outgoing', o.ID, { ProductID: 'tee', Quantity: 4, Specs: [{ SpecID: 'size', OptionID: 'S' }],
      InventoryRecordID: setup.record.ID }, me);
  });

  expect(problems.length === 0, 'answers match the SDK models', problems);
  return { variantCount: setup.variantCount, top: top.Items.map((c) => c.ID), tree: tree.Items.map((c) => `${c.ID}:${c.ParentID}`),
    apparelChildren: apparel.ChildCount, inApparel: inApparel.Items.map((p) => p.ID), unknownCategory,
    variants: variants.Items.map((v) => v.ID), records: records.Items.map((r) => `${r.ID}@${r.AddressID}`),
    costCenters: costCenters.Items.map((c) => c.ID), cardEditable: card.Editable, orderID: order.ID, badCostCenter,
    lineVariant: line.Variant && line.Variant.ID, lineRecord: line.InventoryRecordID, lineCostCenter: line.CostCenter,
    madeUpCard, transactions: authorized.Transactions.length, status: submitted.Status, stockAfterSubmit: stock.QuantityAvailable,
    shippedStatus: shipped.Status, shippedID: shipped.ID, overdraw };
});
