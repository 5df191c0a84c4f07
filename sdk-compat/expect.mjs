// Shared helpers of the SDK compatibility flows: environment, expectations and the one-line JSON result.
import { Configuration } from 'ordercloud-javascript-sdk';

/** A required environment variable; exits 2 when it is missing. */
export function env(name) {
  const value = process.env[name];
  if (!value) {
    fail(`environment variable ${name} is required`, 2);
  }
  return value;
}

/** Points the SDK at the engine under test (BASE_URL serves /oauth/token and /v1 on one host). */
export function configure() {
  Configuration.Set({ baseApiUrl: env('BASE_URL'), timeoutInMilliseconds: 20000 });
}

/** Exits non-zero with a clear message unless `condition` holds. */
export function expect(condition, message, actual) {
  if (!condition) {
    fail(`expectation failed: ${message}; actual: ${JSON.stringify(actual)}`);
  }
}

/** Runs `call`, expecting the SDK to reject it with `status` and `errorCode`; returns the error code. */
export async function refused(call, status, errorCode, what) {
  try {
    await call();
  } catch (e) {
    expect(e && e.isOrderCloudError && e.status === status && e.errorCode === errorCode,
      `${what} is refused with ${status} ${errorCode}`, e && { status: e.status, errorCode: e.errorCode, message: e.message });
    return e.errorCode;
  }
  return expect(false, `${what} is refused with ${status} ${errorCode}`, 'it succeeded');
}

/** Whether two money amounts are equal to the cent. */
export function sameMoney(a, b) {
  return typeof a === 'number' && Math.round(a * 100) === Math.round(b * 100);
}

export function fail(message, code = 1) {
  console.error(message);
  process.exit(code);
}

/** Runs a flow: prints its result as one JSON line, or the SDK error (status, ErrorCode) and exits 1. */
export async function run(flow) {
  try {
    const result = await flow();
    console.log(JSON.stringify(result));
  } catch (e) {
    const detail = e && e.isOrderCloudError ? `${e.status} ${e.errorCode}: ${e.message}` : (e && e.stack) || String(e);
    fail(`flow failed: ${detail}`);
  }
}
