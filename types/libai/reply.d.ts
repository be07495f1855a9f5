/** @noSelfInFile */
import type { Message } from "./api";
import type { Client } from "./client";
import { Subscription } from "./listen";
import type { Reply, WaitOptions } from "./replytypes";
export declare class ReplyWaiter {
    private readonly client;
    private readonly opts;
    private readonly answer;
    private readonly progress;
    private readonly requests;
    private lastChange;
    /** When the last look was asked for (local ms): a status from before it says nothing new. */
    private lastLook;
    private readonly pace;
    private readonly started;
    /** The server's news for this wait (a plain pause without the bridge). */
    private sub?;
    /** The news said there is something to read: look at once. */
    private lookNow;
    /** The news said the session went idle: ask its status as when polling. */
    private heardIdle;
    private shape;
    private nextStatus;
    private statusGap;
    private idleChecks;
    private resent;
    constructor(client: Client, opts: WaitOptions);
    /**
     * Polls until the reply is complete. `justSent`: the prompt has only now been sent, so the
     * first look waits a poll interval (a look at once would find nothing but the prompt).
     */
    poll(justSent?: boolean): Reply;
    /** Starts hearing the server's news (before the prompt is sent: its first words are heard too). */
    listen(): Subscription;
    /** Stops hearing it (the wait is over, or the prompt could not be sent). */
    close(): void;
    private pollWith;
    /** True while the news flows and has not said the session went idle: it will say when. */
    private hearing;
    private lookDue;
    /** Pauses until the next look is due, or until news: text heard meanwhile is shown at once. */
    private hear;
    /**
     * The blocking request returned `last`, the end of the session's run. When it is our answer's
     * end, collects the steps before it; when it is another message's (a run that was ending when
     * ours arrived, or a newer message's), ours is looked for as in poll().
     */
    finish(last: Message): Reply;
    /**
     * One look at the newest messages. A complete answer seen in a window that does not reach back
     * to our message may have steps before it (a tool step that ran between two looks): the wider
     * window is read at once, so no step goes unreported.
     */
    private look;
    /** Alone or in a small crowd, every time; in a crowd, see crowd.ts. */
    private worthALook;
    private moved;
    /** The reply when the last answer is complete (or `ended`: the run is over), or its error. */
    private outcome;
    /**
     * Asks whether the session is still busy when nothing has moved for a while: soon when an
     * answer (or its next step) is due and has not come, rarely while a step runs. Twice idle with
     * a look between them ends the wait: the reply as it stands, or the line for why there is none.
     */
    private checkStatus;
    /** The session is idle and our answer is not complete: its end, or a resend (undefined). */
    private idle;
}
