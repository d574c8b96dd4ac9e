// PostGraphile 4 as `cargo xtask bench-peers` runs it: the peer the gateway is measured
// against (see xtask/src/bench_peers.rs). Production settings: no GraphiQL, no query log,
// no subscriptions or watch mode, errors without stack traces, the pg pool's default of 10
// connections; the simplify inflector gives the short names (`programs`, `institution`).
//
// DATABASE_URL: the database to introspect (schema `public`). Listens on a free loopback
// port and prints `postgraphile listening on http://ADDR` once the schema is built, so
// the first measured request does not pay for introspection.
"use strict";

const http = require("http");
const { postgraphile } = require("postgraphile");
const PgSimplifyInflectorPlugin = require("@graphile-contrib/pg-simplify-inflector");

const options = {
  appendPlugins: [PgSimplifyInflectorPlugin],
  // Relay connections only (the default), as the gateway serves: `nodes`, `totalCount`,
  // `pageInfo` and cursors; `only` would swap them for plain lists, a cheaper other thing.
  simpleCollections: "omit",
  legacyRelations: "omit",
  graphiql: false,
  disableQueryLog: true,
  subscriptions: false,
  watchPg: false,
  retryOnInitFail: false,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  extendedErrors: ["errcode"],
  showErrorStack: false,
};

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  // Given a connection string, PostGraphile makes its own pool: pg's default of 10.
  const handler = postgraphile(url, "public", options);
  // Introspect now: a broken schema fails the start, not the first request.
  await handler.getGraphQLSchema();
  const server = http.createServer(handler);
  server.listen(0, "127.0.0.1", () => {
    const { address, port } = server.address();
    console.log(`postgraphile listening on http://${address}:${port}`);
  });
  // The benchmark stops servers with SIGTERM and wants a clean exit.
  process.on("SIGTERM", () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
