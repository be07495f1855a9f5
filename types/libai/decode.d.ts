/** @noSelfInFile */
/**
 * A shape: "string", "number", "boolean" or "table" (with "?": may be absent); [shape] a list of
 * that; { "*": shape } a map of that; { "?": shape } that or absent; any other object: its fields.
 */
export type Shape = string | Shape[] | {
    [field: string]: Shape;
};
/** Where `v` first departs from `shape`, as "parts[2].type: string"; undefined when it fits. */
export declare function mismatch(v: unknown, shape: Shape): string | undefined;
/** `value` as a T when it fits `shape`; otherwise fails with a bad_response line naming the field. */
export declare function decode<T>(value: unknown, shape: Shape, host: string): T;
export declare const SHAPES: {
    health: {
        healthy: string;
        version: string;
    };
    session: {
        id: string;
        title: string;
        parentID: string;
        time: {
            created: string;
            updated: string;
        };
    };
    message: {
        info: {
            id: string;
            sessionID: string;
            role: string;
            time: {
                created: string;
                completed: string;
            };
            parentID: string;
            finish: string;
            agent: string;
            providerID: string;
            modelID: string;
            error: {
                [field: string]: Shape;
            };
        };
        parts: {
            [field: string]: Shape;
        }[];
    };
    status: {
        "*": {
            type: string;
            attempt: string;
            message: string;
        };
    };
    agent: {
        name: string;
        mode: string;
        hidden: string;
    };
    providers: {
        providers: {
            id: string;
            models: {
                "*": string;
            };
        }[];
    };
    permission: {
        id: string;
        sessionID: string;
        permission: string;
        patterns: string[];
    };
    question: {
        id: string;
        sessionID: string;
        questions: {
            question: string;
            options: {
                label: string;
            }[];
        }[];
    };
    control: {
        path: string;
    };
    boolean: string;
};
