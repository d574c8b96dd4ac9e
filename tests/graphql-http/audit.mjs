// Runs graphql-http's serverAudits against the URL given as the first argument and prints
// one JSON object per audit: { name, status ("ok" | "warn" | "notice" | "error"), reason }.
// "error" is a failed MUST; "warn" a failed SHOULD; "notice" a MAY.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql url>');
  process.exit(2);
}
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  console.log(JSON.stringify({ name: audit.name, status: result.status, reason: result.reason ?? null }));
}
