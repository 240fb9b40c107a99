// Checks a running SearchSuite from outside .NET with a plain grpc-js client, using only the protos in protos/.
//   npm install && node check.mjs [search-address] [ingest-address]
// The search address defaults to the all-in-one at 127.0.0.1:5080, the ingest address to the search address.
// Expects the seeds to be ingested (serve --seed seeds). Exits non-zero when any check fails.
import grpc from "@grpc/grpc-js";
import protoLoader from "@grpc/proto-loader";
import { fileURLToPath } from "node:url";
import path from "node:path";

const protoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../protos");
const definition = protoLoader.loadSync(["searchsuite/v1/search.proto", "searchsuite/v1/ingest.proto"], {
  includeDirs: [protoRoot], keepCase: true, longs: Number, enums: String, defaults: true,
});
const v1 = grpc.loadPackageDefinition(definition).searchsuite.v1;
const searchAddress = process.argv[2] ?? "127.0.0.1:5080";
const ingestAddress = process.argv[3] ?? searchAddress;
const search = new v1.SearchService(searchAddress, grpc.credentials.createInsecure());
const ingest = new v1.IngestService(ingestAddress, grpc.credentials.createInsecure());

const invoke = (client, method, request) => new Promise((resolve, reject) =>
  client[method](request, { deadline: Date.now() + 10_000 }, (error, reply) => (error ? reject(error) : resolve(reply))));
const call = (method, request) => invoke(search, method, request);

// The seed queries every path must answer alike (see README): query -> the hits' "language/origin" in rank-free order.
const expectations = [
  ["Peskow", ["de/vi", "en/en"]],                 // the German Dan Tri translation (Peskow) and, by name expansion, the English article (Peskov)
  ["Putin Iran", ["de/de", "de/vi", "en/en"]],    // all three seeds
  ["Atomprogramms", ["de/de", "de/vi"]],          // both German seeds, through German stemming
];
let failures = 0;
for (const [query, want] of expectations) {
  const reply = await call("Search", { query, page_size: 10 });
  const got = reply.hits.map((h) => `${h.language}/${h.origin_language || h.language}`).sort();
  const ok = JSON.stringify(got) === JSON.stringify(want);
  if (!ok) failures++;
  const lines = reply.hits.map((h) => `${h.document_id} ${h.language}/${h.origin_language} ${h.title || h.snippet.slice(0, 50)}`);
  console.log(`${ok ? "ok  " : "FAIL"} "${query}": [${got}] (want [${want}])\n      ${lines.join("\n      ")}`);
}
// Bad input is refused with INVALID_ARGUMENT naming the field, on both services.
for (const [what, client, method, request, field] of [
  ["empty query", search, "Search", { query: "" }, "query"],
  ["empty text", ingest, "Ingest", { text: "" }, "text"],
]) {
  try {
    await invoke(client, method, request);
    failures++;
    console.log(`FAIL ${what} was answered instead of rejected`);
  } catch (error) {
    const ok = error.code === grpc.status.INVALID_ARGUMENT && error.details.startsWith(field);
    if (!ok) failures++;
    console.log(`${ok ? "ok  " : "FAIL"} ${what} -> ${grpc.status[error.code]}: ${error.details}`);
  }
}
console.log(failures === 0 ? "all checks passed" : `${failures} checks failed`);
process.exit(failures === 0 ? 0 : 1);
