// Agents and models checked against the server before a prompt is sent: the server reports an
// unknown agent or model only on its event stream (which CC cannot read), so without this check
// a prompt would wait for an answer that never comes. Lists are cached for a minute per server.
import type { Agent, ModelRef, Providers } from "./api";
import type { Client } from "./client";
import { fail } from "./errors";

const TTL_MS = 60000;

interface Cached<T> {
  at: number;
  value: T;
}

const agentCache = new LuaTable<string, Cached<Agent[]>>();
const providerCache = new LuaTable<string, Cached<Providers>>();

function cacheKey(client: Client): string {
  return client.url + "|" + (client.directory ?? "");
}

function cached<T>(cache: LuaTable<string, Cached<T>>, client: Client, load: () => T): T {
  const key = cacheKey(client);
  const hit = cache.get(key);
  const now = os.epoch("utc");
  if (hit !== undefined && now - hit.at < TTL_MS) return hit.value;
  const value = load();
  cache.set(key, { at: now, value });
  return value;
}

export function listAgents(client: Client, deadline?: number): Agent[] {
  return cached(agentCache, client, () => client.agents(deadline));
}

export function listProviders(client: Client, deadline?: number): Providers {
  return cached(providerCache, client, () => client.providers(deadline));
}

/** Names of the agents a player can pick (primary ones, not hidden). */
export function agentNames(client: Client): string[] {
  const names: string[] = [];
  for (const a of listAgents(client)) {
    if (a.mode !== "subagent" && a.hidden !== true) names.push(a.name);
  }
  table.sort(names);
  return names;
}

/** Every model as "provider/model". */
export function modelNames(client: Client): string[] {
  const names: string[] = [];
  for (const p of listProviders(client).providers) {
    for (const [id] of pairs(p.models)) names.push(p.id + "/" + id);
  }
  table.sort(names);
  return names;
}

export function checkAgent(client: Client, name: string, deadline?: number): void {
  for (const a of listAgents(client, deadline)) if (a.name === name) return;
  fail("unknown_agent", `Agent not found: "${name}". Available agents: ${table.concat(agentNames(client), ", ")}`);
}

/** "provider/model" -> ModelRef, checked against the server's providers. */
export function checkModel(client: Client, model: string, deadline?: number): ModelRef {
  const [providerID, modelID] = string.match(model, "^([^/]+)/(.+)$");
  if (providerID === undefined || modelID === undefined) {
    return fail("unknown_model", `"${model}" is not provider/model.`);
  }
  const providers = listProviders(client, deadline).providers;
  const ids: string[] = [];
  for (const p of providers) {
    ids.push(p.id);
    if (p.id === providerID) {
      if (p.models[modelID] !== undefined) return { providerID, modelID };
      const models: string[] = [];
      for (const [id] of pairs(p.models)) models.push(id as string);
      table.sort(models);
      return fail("unknown_model", `Model not found: ${model}. Models of ${providerID}: ${table.concat(models, ", ")}`);
    }
  }
  return fail("unknown_model", `Provider not found: ${providerID}. Available providers: ${table.concat(ids, ", ")}`);
}
