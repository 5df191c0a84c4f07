// Marketplace-owner people with the official SDK: AdminUsers, AdminUserGroups (+ assignments) and AdminAddresses by
// the bootstrap admin; a seller approval rule naming an admin user group; the shopper submits an order the rule
// holds; an OrderAdmin outside the group is refused, a member of the group approves (both sign in with the password
// grant through a public client that allows the seller).
// Env: BASE_URL, ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, SHOP_CLIENT_ID, SHOPPER, SHOPPER_PASSWORD, ORDER_ID.
import { AdminAddresses, AdminUserGroups, AdminUsers, ApiClients, Auth, Orders, SecurityProfiles, SellerApprovalRules }
  from 'ordercloud-javascript-sdk';
import { configure, env, expect, refused, run } from './expect.mjs';

const ADMIN_PASSWORD = 'pw-admin-people-1';
const ids = (page) => page.Items.map((i) => i.ID);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

async function adminLogin(username) {
  const r = await Auth.Login(username, ADMIN_PASSWORD, 'staff-app', ['OrderAdmin', 'AdminUserReader']);
  return { accessToken: r.access_token };
}

async function peopleAndPlaces(admin) {
  for (const id of ['approver', 'clerk']) {
    const u = await AdminUsers.Create({ ID: id, Username: `${id}@market.example`, Password: ADMIN_PASSWORD,
      FirstName: id, LastName: 'Staff', Email: `${id}@market.example`, Active: true }, admin);
    expect(u.ID === id && u.Password == null, 'AdminUsers.Create answers the user without its password', u);
  }
  const patched = await AdminUsers.Patch('clerk', { xp: { Desk: 3 } }, admin);
  expect(patched.xp.Desk === 3 && patched.Username === 'clerk@market.example', 'AdminUsers.Patch merges', patched);
  await refused(() => AdminUsers.Create({ ID: 'dup', Username: 'CLERK@market.example', Active: true }, admin),
    409, 'User.UsernameMustBeUnique', 'a second admin user with the same username');
  await AdminUserGroups.Create({ ID: 'approvers', Name: 'Order approvers' }, admin);
  await AdminUserGroups.Create({ ID: 'auditors', Name: 'Auditors' }, admin);
  await AdminUserGroups.SaveUserAssignment({ UserGroupID: 'approvers', UserID: 'approver' }, admin);
  await AdminUserGroups.SaveUserAssignment({ UserGroupID: 'auditors', UserID: 'clerk' }, admin);
  const members = await AdminUserGroups.ListUserAssignments({ userGroupID: 'approvers' }, admin);
  expect(same(members.Items.map((a) => a.UserID), ['approver']), 'AdminUserGroups.ListUserAssignments by group', members);
  await refused(() => AdminUserGroups.SaveUserAssignment({ UserGroupID: 'approvers', UserID: 'nobody' }, admin),
    404, 'NotFound', 'assigning an unknown admin user');
  const address = await AdminAddresses.Create({ ID: 'warehouse', AddressName: 'Warehouse', Street1: '1 Dock Rd',
    City: 'Portland', State: 'OR', Zip: '97201', Country: 'US' }, admin);
  expect(address.ID === 'warehouse', 'AdminAddresses.Create', address);
  expect(same(ids(await AdminAddresses.List(undefined, admin)), ['warehouse']), 'AdminAddresses.List', null);
  const users = await AdminUsers.List({ filters: { ID: 'approver|clerk' }, sortBy: ['ID'] }, admin);
  return { adminUsers: ids(users), groups: ids(await AdminUserGroups.List({ sortBy: ['ID'] }, admin)) };
}

/** A staff security profile and a public API client for the marketplace's own users (AllowSeller). */
async function staffRoles(admin) {
  await ApiClients.Create({ ID: 'staff-app', AppName: 'Staff', Active: true, AllowSeller: true, AccessTokenDuration: 600 }, admin);
  await SecurityProfiles.Create({ ID: 'staff', Name: 'Staff', Roles: ['OrderAdmin', 'AdminUserReader'] }, admin);
  for (const user of ['approver', 'clerk']) {
    await SecurityProfiles.SaveAssignment({ SecurityProfileID: 'staff', UserID: user }, admin);
  }
}

async function approvalByGroup(admin) {
  await refused(() => SellerApprovalRules.Create({ ID: 'bad', ApprovalType: 'Order', ApprovingGroupID: 'ghosts',
    RuleExpression: 'order.Total > 1' }, admin), 404, 'NotFound', 'a rule naming an unknown admin user group');
  await SellerApprovalRules.Create({ ID: 'big', ApprovalType: 'Order', ApprovingGroupID: 'approvers',
    RuleExpression: 'order.Total > 60' }, admin);
  const shopper = { accessToken: (await Auth.Login(env('SHOPPER'), env('SHOPPER_PASSWORD'), env('SHOP_CLIENT_ID'),
    ['Shopper', 'MeAdmin'])).access_token };
  const submitted = await Orders.Submit('Outgoing', env('ORDER_ID'), shopper);
  expect(submitted.Status === 'AwaitingApproval', 'the seller rule holds the order', submitted);
  const clerk = await adminLogin('clerk@market.example');
  const approver = await adminLogin('approver@market.example');
  const eligible = await Orders.ListEligibleApprovers('Incoming', env('ORDER_ID'), undefined, clerk);
  await refused(() => Orders.Approve('Incoming', env('ORDER_ID'), { Comments: 'me too' }, clerk),
    403, 'Order.NotEligibleToApprove', 'an OrderAdmin outside the approving group approving');
  await refused(() => Orders.Decline('Incoming', env('ORDER_ID'), { Comments: 'no' }, clerk),
    403, 'Order.NotEligibleToApprove', 'an OrderAdmin outside the approving group declining');
  const approved = await Orders.Approve('Incoming', env('ORDER_ID'), { Comments: 'fine' }, approver);
  const approvals = await Orders.ListApprovals('Incoming', env('ORDER_ID'), undefined, approver);
  return { eligibleApprovers: ids(eligible), status: approved.Status,
    approvedBy: approvals.Items.map((a) => `${a.ApprovalRuleID}:${a.Status}:${a.Approver && a.Approver.ID}`) };
}

run(async () => {
  configure();
  const token = await Auth.ClientCredentials(env('ADMIN_CLIENT_SECRET'), env('ADMIN_CLIENT_ID'), ['FullAccess']);
  const admin = { accessToken: token.access_token };
  const people = await peopleAndPlaces(admin);
  await staffRoles(admin);
  return { ...people, ...(await approvalByGroup(admin)) };
});
