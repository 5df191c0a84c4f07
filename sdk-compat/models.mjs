// Field check: compares an API answer with the model the official SDK declares in dist/models/<Model>.d.ts.
// Reports missing fields, null where the SDK declares a plain boolean/number that OrderCloud always fills
// ("null-for-default"), and values of the wrong JSON type; nested models and arrays are checked too.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const MODELS = join(dirname(createRequire(import.meta.url).resolve('ordercloud-javascript-sdk')), 'models');
const cache = new Map();

/**
 * Numeric/boolean fields OrderCloud types as nullable (int?, decimal?, bool?): null is a legal answer there.
 * Keys are `Model.Field`, or `*.Field` for every model.
 */
export const NULLABLE = new Set(['*.ShipWeight', '*.ShipHeight', '*.ShipWidth', '*.ShipLength', '*.NotificationPoint',
  '*.PriceMarkup', '*.Amount', '*.UnitPrice', '*.MinQuantity', '*.MaxQuantity', 'VariantInventory.QuantityAvailable',
  'Inventory.QuantityAvailable', 'LineItem.QuantityShipped', 'Order.TaxCost', 'Order.ShippingCost', 'Order.Subtotal',
  'Order.Total', 'Order.PromotionDiscount', 'Order.Gratuity', 'Order.LineItemCount', 'Payment.Accepted', 'Product.QuantityMultiplier',
  'LineItem.LineTotal', 'LineItem.LineSubtotal', 'LineItem.PromotionDiscount', 'Order.IsSubmitted', '*.SalePrice',
  '*.SubscriptionPrice', '*.BundlePrice', 'Promotion.RedemptionLimit', 'Promotion.RedemptionLimitPerUser',
  'Promotion.QuantityLimitPerOrder', 'Promotion.ItemLimitPerOrder', 'Promotion.Priority']);

/** The declared fields of a model: name -> {type, array, readonly}; null when the SDK has no such model. */
export function fieldsOf(model) {
  if (cache.has(model)) return cache.get(model);
  const file = join(MODELS, `${model}.d.ts`);
  let fields = null;
  if (existsSync(file) && readFileSync(file, 'utf8').includes('export interface')) {
    const source = readFileSync(file, 'utf8');
    const body = source.slice(source.indexOf('{') + 1, source.lastIndexOf('}'));
    fields = {};
    for (const line of body.split('\n')) {
      const m = line.match(/^\s*(readonly\s+)?(\w+)\??:\s*([^;]+);/);
      if (m) {
        const raw = m[3].trim().replace(/<.*>/, '');
        const array = raw.endsWith('[]');
        fields[m[2]] = { type: array ? raw.slice(0, -2) : raw, array, readonly: !!m[1] };
      }
    }
  }
  cache.set(model, fields);
  return fields;
}

/** The problems of `value` against `model` (empty when it matches), each as "Model.Field: what". */
export function check(model, value, path = model) {
  const fields = fieldsOf(model);
  if (!fields || value === null || typeof value !== 'object') return [];
  const problems = [];
  for (const [name, f] of Object.entries(fields)) {
    const where = `${path}.${name}`;
    if (!(name in value)) {
      problems.push(`${where}: missing`);
      continue;
    }
    const v = value[name];
    if (v === null) {
      if ((f.type === 'boolean' || f.type === 'number') && !f.array && !NULLABLE.has(`${model}.${name}`) && !NULLABLE.has(`*.${name}`)) {
        problems.push(`${where}: null-for-default (${f.type})`);
      }
      continue;
    }
    if (f.array) {
      if (!Array.isArray(v)) problems.push(`${where}: wrong type (expected array)`);
      else v.forEach((item, i) => problems.push(...checkValue(f.type, item, `${where}[${i}]`)));
    } else {
      problems.push(...checkValue(f.type, v, where));
    }
  }
  return problems;
}

function checkValue(type, v, where) {
  if (type === 'string' || type === 'number' || type === 'boolean') {
    return typeof v === type ? [] : [`${where}: wrong type (expected ${type}, got ${typeof v})`];
  }
  if (/^[A-Z]\w*$/.test(type) && fieldsOf(type)) {
    return typeof v === 'object' ? check(type, v, where) : [`${where}: wrong type (expected ${type} object)`];
  }
  return []; // any, xp generics, string enums (type aliases)
}
