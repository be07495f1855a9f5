/** @noSelfInFile */
import type { Agent, ModelRef, Providers } from "./api";
import type { Client } from "./client";
export declare function listAgents(client: Client, deadline?: number): Agent[];
export declare function listProviders(client: Client, deadline?: number): Providers;
/** Names of the agents a player can pick (primary ones, not hidden). */
export declare function agentNames(client: Client): string[];
/** Every model as "provider/model". */
export declare function modelNames(client: Client): string[];
export declare function checkAgent(client: Client, name: string, deadline?: number): void;
/** "provider/model" -> ModelRef, checked against the server's providers. */
export declare function checkModel(client: Client, model: string, deadline?: number): ModelRef;
