// Product collections with the official SDK: every Me.*ProductCollection* call of SDK 12 by an owner, an invitee
// who accepts (OWNER_ID's admin invitation) and one who declines, then the reader role's ProductCollections.*.
// Env: BASE_URL, CLIENT_ID, OWNER, INVITEE, DECLINER (usernames), PASSWORD (shared by the three),
// ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, BUYER_ID.
import { Auth, Me, ProductCollections } from 'ordercloud-javascript-sdk';
import { configure, env, expect, refused, run } from './expect.mjs';

/** A password-grant token of `username` (role Shopper). */
async function login(username) {
  const r = await Auth.Login(username, env('PASSWORD'), env('CLIENT_ID'), ['Shopper']);
  return { accessToken: r.access_token };
}

const ids = (page) => page.Items.map((i) => i.ID);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

async function ownerBuildsCollections(owner) {
  const created = await Me.CreateProductCollection({ ID: 'groceries', Name: 'Groceries', AccessLevel: 'Private',
    xp: { Color: 'red' } }, owner);
  expect(same(created, { ID: 'groceries', Name: 'Groceries', xp: { Color: 'red' }, AccessLevel: 'Private' }),
    'Me.CreateProductCollection answers the collection', created);
  await Me.CreateProductCollection({ ID: 'gifts', Name: 'Gifts', AccessLevel: 'Shareable' }, owner);
  const all = await Me.ListProductCollections({ sortBy: ['ID'] }, owner);
  expect(same(ids(all), ['gifts', 'groceries']), 'Me.ListProductCollections sorts by ID', all);
  const shareable = await Me.ListProductCollections({ filters: { AccessLevel: 'Shareable' } }, owner);
  expect(same(ids(shareable), ['gifts']), 'Me.ListProductCollections filters by AccessLevel', shareable);
  const got = await Me.GetProductCollection('groceries', owner);
  expect(got.Name === 'Groceries', 'Me.GetProductCollection', got);
  const patched = await Me.PatchProductCollection('groceries', { xp: { Size: 2 } }, owner);
  expect(same(patched.xp, { Color: 'red', Size: 2 }) && patched.AccessLevel === 'Private',
    'Me.PatchProductCollection merges xp and keeps the rest', patched);
  const saved = await Me.SaveProductCollection('gifts', { ID: 'gifts', Name: 'Gift ideas', AccessLevel: 'Public' }, owner);
  expect(saved.Name === 'Gift ideas' && saved.AccessLevel === 'Public', 'Me.SaveProductCollection replaces', saved);
  await refused(() => Me.CreateProductCollection({ ID: 'bad', Name: 'Bad', AccessLevel: 'Everyone' }, owner),
    400, 'ValidationFailure', 'an unknown AccessLevel');
}

async function ownerManagesEntries(owner) {
  await Me.CreateProductCollectionEntry('groceries', 'P3', owner);
  await Me.SaveProductCollectionEntry('groceries', { ProductID: 'P1' }, owner);
  await Me.SaveProductCollectionEntry('groceries', { ProductID: 'P2', ListOrder: 0 }, owner);
  const entries = await Me.ListProductCollectionEntries('groceries', undefined, owner);
  expect(same(ids(entries), ['P2', 'P3', 'P1']), 'entries list by ListOrder', entries.Items);
  expect(same(entries.Items.map((e) => e.ListOrder), [0, 1, 2]), 'ListOrder given, then appended', entries.Items);
  const p1 = entries.Items[2];
  expect(p1.Name === 'Product P1' && p1.PriceSchedule && p1.PriceSchedule.ID === 'ps1' && typeof p1.DateAdded === 'string',
    'an entry carries the product, its price schedule and DateAdded', p1);
  const byId = await Me.ListProductCollectionEntries('groceries', { sortBy: ['!ID'], filters: { ID: 'P1|P3' } }, owner);
  expect(same(ids(byId), ['P3', 'P1']), 'Me.ListProductCollectionEntries sorts and filters', byId.Items);
  await Me.DeleteProductCollectionEntry('groceries', 'P2', owner);
  await refused(() => Me.DeleteProductCollectionEntry('groceries', 'P2', owner), 404, 'NotFound', 'removing a removed entry');
  await refused(() => Me.CreateProductCollectionEntry('groceries', 'P9', owner), 404, 'NotFound', 'adding an unknown product');
  return ids(await Me.ListProductCollectionEntries('groceries', undefined, owner));
}

async function ownerInvites(owner) {
  const partner = await Me.CreateProductCollectionInvitation('groceries', { Name: 'Partner', Admin: true }, owner);
  expect(typeof partner.ID === 'string' && partner.Accepted === false && partner.Admin === true
    && typeof partner.ExpirationDate === 'string', 'Me.CreateProductCollectionInvitation answers a pending invitation', partner);
  const neighbour = await Me.CreateProductCollectionInvitation('groceries', { Name: 'Neighbour' }, owner);
  const stale = await Me.CreateProductCollectionInvitation('groceries', { Name: 'Stale' }, owner);
  const listed = await Me.ListProductCollectionInvitations('groceries', { sortBy: ['Name'] }, owner);
  expect(same(listed.Items.map((i) => i.Name), ['Neighbour', 'Partner', 'Stale']), 'Me.ListProductCollectionInvitations', listed.Items);
  const got = await Me.GetProductCollectionInvitation('groceries', neighbour.ID, owner);
  expect(got.Name === 'Neighbour' && got.Admin === false, 'Me.GetProductCollectionInvitation', got);
  const patched = await Me.PatchProductCollectionInvitation('groceries', neighbour.ID, { Name: 'Next door', xp: { Note: 'hi' } }, owner);
  expect(patched.Name === 'Next door' && same(patched.xp, { Note: 'hi' }) && patched.ExpirationDate === neighbour.ExpirationDate,
    'Me.PatchProductCollectionInvitation changes Name and xp only', patched);
  await Me.DeleteProductCollectionInvitation('groceries', stale.ID, owner);
  await refused(() => Me.GetProductCollectionInvitation('groceries', stale.ID, owner), 404, 'NotFound', 'a deleted invitation');
  return { partner: partner.ID, neighbour: neighbour.ID };
}

async function inviteesAnswer(invitations, invitee, decliner) {
  await refused(() => Me.GetProductCollection('groceries', invitee), 404, 'NotFound', 'a private collection before accepting');
  await Me.AcceptProductCollectionInvitation('groceries', invitations.partner, invitee);
  const joined = await Me.ListProductCollections({ sortBy: ['ID'] }, invitee);
  expect(same(ids(joined), ['gifts', 'groceries']), 'the invitee lists the joined and the Public collection', joined.Items);
  await Me.CreateProductCollectionEntry('groceries', 'P2', invitee);
  await refused(() => Me.PatchProductCollection('groceries', { Name: 'Mine' }, invitee), 403, 'Auth.UserNotAuthorizedToAdmin',
    'an invitee changing the collection');
  await refused(() => Me.AcceptProductCollectionInvitation('groceries', invitations.partner, decliner), 400,
    'ProductCollectionInvitation.AlreadyUsed', 'a used invitation');
  await Me.DeclineProductCollectionInvitation('groceries', invitations.neighbour, decliner);
  await refused(() => Me.GetProductCollection('groceries', decliner), 404, 'NotFound', 'the collection after declining');
}

run(async () => {
  configure();
  const owner = await login(env('OWNER'));
  const invitee = await login(env('INVITEE'));
  const decliner = await login(env('DECLINER'));
  await ownerBuildsCollections(owner);
  const ownerEntries = await ownerManagesEntries(owner);
  const invitations = await ownerInvites(owner);
  await inviteesAnswer(invitations, invitee, decliner);
  const answered = await Me.ListProductCollectionInvitations('groceries', { sortBy: ['Name'] }, owner);
  const accepted = answered.Items.map((i) => `${i.Name}:${i.Accepted}`);
  await Me.DeleteProductCollection('gifts', owner);
  await refused(() => Me.GetProductCollection('gifts', owner), 404, 'NotFound', 'a deleted collection');

  const admin = await Auth.ClientCredentials(env('ADMIN_CLIENT_SECRET'), env('ADMIN_CLIENT_ID'), ['ProductCollectionReader']);
  const reader = { accessToken: admin.access_token };
  const buyerID = env('BUYER_ID');
  const readable = await ProductCollections.List(buyerID, undefined, reader);
  const one = await ProductCollections.Get(buyerID, 'groceries', reader);
  expect(one.AccessLevel === 'Private' && same(one.xp, { Color: 'red', Size: 2 }), 'ProductCollections.Get', one);
  const readerEntries = await ProductCollections.ListEntries(buyerID, 'groceries', { sortBy: ['ID'] }, reader);
  await refused(() => ProductCollections.List(buyerID, undefined, owner), 403, 'Auth.InsufficientRoles', 'a shopper without the reader role');

  return { ownerEntries, invitations: accepted, readerCollections: ids(readable), readerEntries: ids(readerEntries),
    inviteeSeesEntries: ids(await Me.ListProductCollectionEntries('groceries', undefined, invitee)) };
});
