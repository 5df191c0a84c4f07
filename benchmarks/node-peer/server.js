// The load harness's Node peer (benchmarks/load/run.sh): the vendor's JS toolkit answering the same work as the
// parse floor. express 4 + @ordercloud/catalyst's withOcWebhookAuth, which reads the raw body, JSON.parses it and
// checks X-oc-hash; the route then sums LineTotal x the tax rate over OrderWorksheet.LineItems.
// Usage: OC_WEBHOOK_HASH_KEY=... node server.js <port file>; listens on 127.0.0.1, on a free port it writes there.
'use strict';
const fs = require('fs');
const express = require('express');
const { withOcWebhookAuth } = require('@ordercloud/catalyst');

const RATE = 0.07;
const portFile = process.argv[2];
if (!portFile || !process.env.OC_WEBHOOK_HASH_KEY) {
  console.error('usage: OC_WEBHOOK_HASH_KEY=<key> node server.js <port file>');
  process.exit(2);
}

const app = express();
app.post('/ordercalculate', withOcWebhookAuth(async (req, res) => {
  const lines = (req.body.OrderWorksheet && req.body.OrderWorksheet.LineItems) || [];
  let cents = 0;
  for (const line of lines) {
    cents += Math.round(Number(line.LineTotal) * RATE * 100);
  }
  res.json({ TaxTotal: cents / 100, ShippingTotal: 0 });
}));
app.use((err, req, res, next) => {
  res.status(err.status || 401).json({ Errors: [{ ErrorCode: 'Unauthorized', Message: String(err.message) }] });
});

const server = app.listen(0, '127.0.0.1', () => {
  fs.writeFileSync(portFile, String(server.address().port));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
