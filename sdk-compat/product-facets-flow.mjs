// Product facets with the official SDK: the admin defines facets (ProductFacets.*) and an xp index (XpIndices.*),
// gives products xp values; the shopper's Me.ListProducts answers Meta.Facets counted over every matching product,
// narrowed by an xp filter; Products.Get carries the computed SpecCount.
// Env: BASE_URL, ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, SHOP_CLIENT_ID, SHOPPER, SHOPPER_PASSWORD.
import { Auth, Catalogs, Me, ProductFacets, Products, Specs, Tokens, XpIndices } from 'ordercloud-javascript-sdk';
import { configure, env, expect, refused, run } from './expect.mjs';

/** Meta.Facets as { Name: "value=count,..." }. */
function facets(page) {
  return Object.fromEntries(page.Meta.Facets.map((f) => [f.Name, f.Values.map((v) => `${v.Value}=${v.Count}`).join(',')]));
}

async function defineFacets() {
  await ProductFacets.Create({ ID: 'color', Name: 'Color', XpPath: 'Color', ListOrder: 1 });
  const size = await ProductFacets.Create({ ID: 'size', Name: 'Size', XpPath: 'Dims.Size', ListOrder: 2, MinCount: 2 });
  expect(size.MinCount === 2 && size.XpPath === 'Dims.Size', 'ProductFacets.Create answers the facet', size);
  const patched = await ProductFacets.Patch('color', { xp: { Swatch: true } });
  expect(patched.Name === 'Color' && patched.xp.Swatch === true, 'ProductFacets.Patch merges', patched);
  await refused(() => ProductFacets.Create({ ID: 'nameless' }), 400, 'ValidationFailure', 'a facet without Name');
  const list = await ProductFacets.List({ sortBy: ['ListOrder'] });
  expect(list.Items.map((f) => f.ID).join() === 'color,size', 'ProductFacets.List by ListOrder', list.Items);
  await XpIndices.Put({ ThingType: 'Order', Key: 'Region' });
  const indices = await XpIndices.List();
  expect(indices.Items.length === 1 && indices.Items[0].Key === 'Region', 'XpIndices.List', indices.Items);
  await XpIndices.Delete('Order', 'Region');
}

async function stockProducts() {
  const xp = { widget: { Color: 'blue', Dims: { Size: 'M' } }, gadget: { Color: 'red', Dims: { Size: 'M' } },
    shirt: { Color: 'red', Dims: { Size: 'L' } } };
  for (const [id, values] of Object.entries(xp)) {
    if (id === 'shirt') {
      await Products.Create({ ID: id, Name: 'Shirt', Active: true, DefaultPriceScheduleID: 'ps-widget' });
      await Catalogs.SaveProductAssignment({ CatalogID: 'cat1', ProductID: id });
    }
    await Products.Patch(id, { xp: values });
  }
  await Specs.Create({ ID: 'gift', Name: 'Gift note', AllowOpenText: true });
  await Specs.SaveProductAssignment({ SpecID: 'gift', ProductID: 'shirt' });
  const shirt = await Products.Get('shirt');
  expect(shirt.SpecCount === 1 && shirt.VariantCount === 0, 'Products.Get computes SpecCount', shirt);
}

run(async () => {
  configure();
  const admin = await Auth.ClientCredentials(env('ADMIN_CLIENT_SECRET'), env('ADMIN_CLIENT_ID'), ['FullAccess']);
  Tokens.SetAccessToken(admin.access_token);
  await defineFacets();
  await stockProducts();
  const shopper = await Auth.Login(env('SHOPPER'), env('SHOPPER_PASSWORD'), env('SHOP_CLIENT_ID'), ['Shopper']);
  Tokens.SetAccessToken(shopper.access_token);
  const all = await Me.ListProducts({ pageSize: 1 });
  expect(all.Items.length === 1 && all.Meta.TotalCount === 3, 'Me.ListProducts pages', all.Meta);
  const red = await Me.ListProducts({ filters: { 'xp.Color': 'red' } });
  return { all: facets(all), red: facets(red), redCount: red.Meta.TotalCount };
});
