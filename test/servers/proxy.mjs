#!/usr/bin/env node
// The fault proxy (fault-proxy.mjs) on its own, in front of any target, for specs that start
// their own server (the installer's, in front of a bridge). Prints one JSON line
// {"url","controlUrl"} once listening; stops on SIGTERM (specs start it under `timeout`, so it
// never outlives a run that is cut short).
// Usage: node test/servers/proxy.mjs http://127.0.0.1:PORT
import { startFaultProxy } from "./fault-proxy.mjs";

const target = process.argv[2];
if (!target) {
  console.error("usage: node test/servers/proxy.mjs TARGET_URL");
  process.exit(2);
}
const proxy = await startFaultProxy({ target });
process.stdout.write(JSON.stringify({ url: proxy.url, controlUrl: proxy.controlUrl }) + "\n");
const stop = () => void proxy.stop().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
