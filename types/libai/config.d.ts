/** @noSelfInFile */
import { Config } from "./settingdefs";
export type { Config };
/** Checks one value; returns it, or fails with a line naming the setting and the fix. */
export declare function validate(key: keyof Config, value: unknown): string | number;
/** The settings, with `overrides` (from a program or ai.client{...}) taking precedence. */
export declare function readConfig(overrides?: Partial<Config>): Config;
/**
 * The line warning that the password crosses the network unencrypted (a password set, plain
 * http, and a host that is neither loopback nor private), or undefined.
 */
export declare function plainHttpWarning(url: string, password: string): string | undefined;
