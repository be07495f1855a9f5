/** @noSelfInFile */
import type { Answer } from "./answer";
import type { ErrorInfo } from "./api";
/** Fails with the run's error as one line; `raw` keeps the server's text as it came. */
export declare function failRun(err: ErrorInfo, raw: boolean | undefined): never;
export declare function failOvertaken(sessionID: string): never;
/** The session went idle and our answer is not complete (nor will a resend help): why, as one line. */
export declare function failIdle(answer: Answer, sessionID: string): never;
