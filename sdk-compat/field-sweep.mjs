// Field check over the whole SDK (issue #20): fields.mjs seeds common resources and reads them back through every
// List*/Get* method; fails on any missing field, null-for-default or wrong type in the models #20 names (and on
// any list Meta), and prints the problems found in the rest of the SDK's models.
// Env: BASE_URL, ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET.
import * as sdk from 'ordercloud-javascript-sdk';
import { configure, env, expect, run } from './expect.mjs';
import { fieldPass } from './fields.mjs';

run(async () => {
  configure();
  const token = await sdk.Auth.ClientCredentials(env('ADMIN_CLIENT_SECRET'), env('ADMIN_CLIENT_ID'), ['FullAccess']);
  sdk.Tokens.SetAccessToken(token.access_token);
  const result = await fieldPass();
  console.error(`field sweep: ${JSON.stringify(result)}`);
  expect(result.seedProblems.length === 0, 'every seed call succeeds', result.seedProblems);
  expect(result.failing.length === 0, 'answers of the checked models match the SDK', result.failing);
  return { calls: result.calls, answered: result.answered, failing: result.failing.length, other: result.other.length };
});
